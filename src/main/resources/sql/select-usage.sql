SELECT tenant, count(*) AS jobs, sum(llm_calls) AS llm_calls, sum(prompt_tokens) AS prompt_tokens,
       sum(completion_tokens) AS completion_tokens, sum(reused_calls) AS reused_calls,
       sum(reused_prompt_tokens) AS reused_prompt_tokens, sum(reused_completion_tokens) AS reused_completion_tokens,
       sum(searches_called) AS searches_called, sum(searches_cached) AS searches_cached,
       sum(downloads_called) AS downloads_called, sum(downloads_cached) AS downloads_cached,
       sum(llm_eur) AS llm_eur, sum(smart_search_eur) AS smart_search_eur, sum(total_eur) AS total_eur,
       sum(saved_eur) AS saved_eur
  FROM job_usage
 WHERE completed_at >= CAST(:#${exchangeProperty.usageFrom} AS timestamptz)
   AND completed_at < CAST(:#${exchangeProperty.usageTo} AS timestamptz)
   AND (CAST(:#${exchangeProperty.usageTenant} AS text) IS NULL OR tenant = CAST(:#${exchangeProperty.usageTenant} AS text))
 GROUP BY tenant
 ORDER BY tenant
