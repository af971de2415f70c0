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
 * of jobs that did not complete stay whatever their age. The archive copies and their sweep (ADR 0025).
 */
class ArticleRetentionIT extends LocalServicesIT {

    @Autowired
    BlobServiceClient blobs;

    @Test
    void aCompletedJobsArticleLeavesPostgresqlAfterItsRetentionAndStaysArchived() {
        String text = "An article for the retention test " + java.util.UUID.randomUUID() + ".";
        String completed = hub.submit(submission("it-rules", text));
        hub.awaitReport(completed);
        // Only completed jobs are archived: a FAILED one of the same age keeps its article.
        String failed = JobRows.insert(jdbc, "FAILED", 3, 3, "8 days", "{}");

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

    /**
     * The worker writes a completed job's copies right after the completion (its pending_archives row goes), and the
     * archive sweep (every 500 ms in the tests) writes those a worker left pending: here both blobs are gone and the
     * row is due again, as after a blob outage.
     */
    @Test
    void theArchiveSweepWritesTheCopiesAWorkerLeftPending() {
        String text = "An article whose archive copy went missing " + java.util.UUID.randomUUID() + ".";
        String jobId = hub.submit(submission("it-rules", text));
        hub.awaitReport(jobId);
        Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100))
                .until(() -> pendingArchives(jobId) == 0);
        blobs.getBlobContainerClient("articles").getBlobClient(jobId + ".json").delete();
        blobs.getBlobContainerClient("reports").getBlobClient(jobId + ".json").delete();

        jdbc.update("INSERT INTO pending_archives (job_id, due_at) VALUES (CAST(? AS uuid), now())", jobId);
        Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100))
                .until(() -> pendingArchives(jobId) == 0);

        assertThat(new ArticleBlobs(blobs).content(jobId + ".json")).contains(text);
        assertThat(blobs.getBlobContainerClient("reports").getBlobClient(jobId + ".json").downloadContent().toString())
                .isEqualTo(hub.get("/api/v1/jobs/" + jobId + "/result").body());
    }

    private long pendingArchives(String jobId) {
        return jdbc.queryForObject("SELECT count(*) FROM pending_archives WHERE job_id = CAST(? AS uuid)", Long.class,
                jobId);
    }

    private long articleRows(String jobId) {
        return jdbc.queryForObject("SELECT count(*) FROM job_articles WHERE job_id = CAST(? AS uuid)", Long.class, jobId);
    }
}
