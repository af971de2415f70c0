package hub.job.model;

import java.util.Map;
import org.apache.camel.Exchange;

/** Names of the exchange properties the job routes share; the YAML routes use the same strings. */
public final class JobProperties {

    public static final String JOB_ID = "jobId";
    public static final String ARTICLE_SHA256 = "articleSha256";
    public static final String GUIDELINE_SET_ID = "guidelineSetId";
    public static final String GUIDELINE_SET_VERSION = "guidelineSetVersion";
    public static final String EXTERNAL_REF = "externalRef";
    public static final String OPTIONS_JSON = "optionsJson";
    public static final String TEXT_LENGTH = "textLength";
    public static final String SOURCE = "source";
    public static final String JOB_ROW = "jobRow";
    public static final String ARTICLE_JSON = "articleJson";

    private JobProperties() {
    }

    /** The tenant that submitted the job in the {@value #JOB_ROW} property, "default" without one. */
    @SuppressWarnings("unchecked")
    public static String tenant(Exchange exchange) {
        Map<String, Object> row = exchange.getProperty(JOB_ROW, Map.class);
        return row == null ? "default" : String.valueOf(row.get("submitter_tenant"));
    }
}
