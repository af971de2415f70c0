SELECT * FROM dead_letters
 ORDER BY received_at DESC, id DESC
 LIMIT CAST(:#${exchangeProperty.pageSize} AS integer) OFFSET CAST(:#${exchangeProperty.pageOffset} AS bigint)
