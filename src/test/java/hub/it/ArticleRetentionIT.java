package hub.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.azure.storage.blob.BlobServiceClient;
import java.time.Duration;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The retention of the articles kept in PostgreSQL (purge-archived-articles, every 500 ms in the tests): a completed
 * job's row goes once its completion is older than the retention, the archived blob and the report stay; articles
 * of jobs that did not complete stay whatever their age.
 */
class ArticleRetentionIT extends LocalServicesIT {

    @Autowired
    BlobServiceClient blobs;

    @Test
    void aCompletedJobsArticleLeavesPostgresqlAfterItsRetentionAndStaysArchived() {
        String text = "An article for the retention test " + java.util.UUID.randomUUID() + ".";
        String completed = hub.submit(submission("it-rules", text));
        hub.awaitReport(completed);
        String failed = failedJobOfEightDaysAgo();

        jdbc.update("UPDATE jobs SET completed_at = now() - interval '8 days', created_at = now() - interval '8 days' "
                + "WHERE id = CAST(? AS uuid)", completed);
        Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200))
                .until(() -> articleRows(completed) == 0);

        assertThat(new ArticleBlobs(blobs).content(completed + ".json")).contains(text);
        assertThat(hub.get("/api/v1/jobs/" + completed + "/result").statusCode()).isEqualTo(200);
        assertThat(articleRows(failed)).as("a failed job keeps its article").isEqualTo(1);
    }

    /**
     * The purge must have run (it takes an old completed job's article in the same run) while the recent job's article
     * stays; a sleep alone passed when the purge never ran. Seen failing against a planted bug: purge-archived-articles.sql
     * with {@code AND false} in its WHERE clause (the purge deletes nothing; the old 1.5 s sleep passed).
     */
    @Test
    void aRecentlyCompletedJobKeepsItsArticleInPostgresql() {
        String recent = hub.submit(submission("it-rules", "A fresh article keeps its row."));
        String old = hub.submit(submission("it-rules", "An old article loses its row " + java.util.UUID.randomUUID()));
        hub.awaitReport(recent);
        hub.awaitReport(old);
        jdbc.update("UPDATE jobs SET completed_at = now() - interval '8 days', created_at = now() - interval '8 days' "
                + "WHERE id = CAST(? AS uuid)", old);

        Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200))
                .until(() -> articleRows(old) == 0);
        assertThat(articleRows(recent)).as("the recent job's article after a purge that ran").isEqualTo(1);
    }

    /** A FAILED job from eight days ago, with its article: only completed jobs are archived. */
    private String failedJobOfEightDaysAgo() {
        String id = java.util.UUID.randomUUID().toString();
        jdbc.update("INSERT INTO jobs (id, status, source, guideline_set_id, guideline_set_version, article_sha256, "
                + "text_length, attempts, max_attempts, created_at, updated_at, completed_at, submitter_tenant, "
                + "submitter_subject) VALUES (CAST(? AS uuid), 'FAILED', 'api', 'it-rules', '1', repeat('0', 64), 2, 3, 3, "
                + "now() - interval '8 days', now() - interval '8 days', now() - interval '8 days', 'it-tenant', "
                + "'retention')", id);
        jdbc.update("INSERT INTO job_articles (job_id, article) VALUES (CAST(? AS uuid), '{}')", id);
        return id;
    }

    private long articleRows(String jobId) {
        return jdbc.queryForObject("SELECT count(*) FROM job_articles WHERE job_id = CAST(? AS uuid)", Long.class, jobId);
    }
}
