package hub.it;

import org.springframework.jdbc.core.JdbcTemplate;

/** Job rows written straight into a test schema, as a past day or an older version of the hub left them. */
final class JobRows {

    private JobRows() {
    }

    /**
     * A job of the {@code it-llm} set in {@code status}, created {@code age} ago (a PostgreSQL interval) and, when
     * COMPLETED or FAILED, finished then; with an article row when {@code article} is not null.
     */
    static String insert(JdbcTemplate jdbc, String status, int attempts, int maxAttempts, String age, String article) {
        String id = java.util.UUID.randomUUID().toString();
        jdbc.update("INSERT INTO jobs (id, status, source, guideline_set_id, guideline_set_version, article_sha256, "
                + "text_length, attempts, max_attempts, created_at, updated_at, completed_at, submitter_tenant, "
                + "submitter_subject) VALUES (CAST(? AS uuid), ?, 'api', 'it-llm', '1.0.0', repeat('0', 64), 2, ?, ?, "
                + "now() - CAST(? AS interval), now() - CAST(? AS interval), "
                + "CASE WHEN ? IN ('COMPLETED', 'FAILED') THEN now() - CAST(? AS interval) END, 'it-tenant', 'job-rows')",
                id, status, attempts, maxAttempts, age, age, status, age);
        if (article != null) {
            jdbc.update("INSERT INTO job_articles (job_id, article) VALUES (CAST(? AS uuid), ?)", id, article);
        }
        return id;
    }
}
