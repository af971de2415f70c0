package hub.job;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import hub.contract.RequestContract;
import hub.article.Article;
import hub.article.TextHash;
import hub.guideline.GuidelineSet;
import hub.guideline.registry.GuidelineSetRegistry;
import hub.input.FieldChecks;
import hub.input.StrictJson;
import hub.incremental.PreviousJobs;
import hub.job.model.JobProperties;
import hub.language.SetsByLanguage;
import hub.problem.ProblemException;
import java.util.Map;
import java.util.UUID;
import org.apache.camel.Exchange;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Reads and validates a job submission. On success the exchange carries the job's properties
 * ({@link JobProperties}) and the article JSON to store; on failure a {@link ProblemException} is thrown before
 * anything is stored.
 */
@Component("submissionReader")
public class SubmissionReader {

    static final int MAX_TITLE_CHARS = 1_000;
    static final int MAX_EXTERNAL_REF_CHARS = 200;
    static final int MAX_GTC_QUERY_CHARS = 200;
    private static final String KNOWN_FIELDS = "article, guidelineSet, options, externalRef, previousJobId";

    private final StrictJson json;
    private final ObjectMapper strict;
    private final GuidelineSetRegistry guidelineSets;
    private final SetsByLanguage setsByLanguage;
    private final int maxTextChars;

    /** A reader that gives every submission without a guideline set the {@code default} set. */
    public SubmissionReader(ObjectMapper mapper, GuidelineSetRegistry guidelineSets, int maxTextChars) {
        this(mapper, guidelineSets, SetsByLanguage.always("default", guidelineSets), maxTextChars);
    }

    @Autowired
    public SubmissionReader(ObjectMapper mapper, GuidelineSetRegistry guidelineSets, SetsByLanguage setsByLanguage,
                            @Value("${hub.api.max-text-chars:200000}") int maxTextChars) {
        this.json = new StrictJson(mapper);
        this.strict = json.mapper();
        this.guidelineSets = guidelineSets;
        this.setsByLanguage = setsByLanguage;
        this.maxTextChars = maxTextChars;
    }

    public void read(Exchange exchange) throws JsonProcessingException {
        requireJson(exchange.getIn().getHeader(Exchange.CONTENT_TYPE, String.class));
        JobSubmission submission;
        if (exchange.getProperty(RequestContract.BODY) instanceof JsonNode tree) {
            // The contract check read the body strictly and left its tree: bound from it, not read a second time.
            submission = json.bind(tree, JobSubmission.class, KNOWN_FIELDS);
        } else {
            String body = utf8Body(exchange);
            if (body == null || body.isBlank()) {
                throw ProblemException.badRequest("The request body is empty; send a JSON job submission.");
            }
            submission = parse(body, JobSubmission.class, KNOWN_FIELDS);
        }
        CheckedSubmission checked = check(submission == null ? null : submission.withoutPreviousJob());
        exchange.setProperty(JobProperties.JOB_ID, UUID.randomUUID().toString());
        checked.setOn(exchange);
        String previousJobId = PreviousJobs.requireWellFormed(submission.previousJobId());
        if (previousJobId != null) {
            exchange.setProperty(PreviousJobs.PROPERTY, previousJobId);
            exchange.setProperty(JobProperties.OPTIONS_JSON,
                    PreviousJobs.optionsWith(strict, checked.optionsJson(), previousJobId));
        }
        exchange.setProperty(JobProperties.SOURCE, "rest");
    }

    /**
     * The checks of one article submission, shared by {@code POST /api/v1/jobs} and every item of a batch: the
     * article's text, title and language, the GTC queries, the external reference and the guideline set. A
     * submission without a guideline set gets the one for its article's language (declared, else detected).
     */
    public CheckedSubmission check(JobSubmission submission) throws JsonProcessingException {
        if (submission == null) {
            throw ProblemException.badRequest("The body is JSON null; send a JSON object.");
        }
        if (submission.previousJobId() != null) {
            throw ProblemException.badRequest("previousJobId is accepted by POST /api/v1/jobs only.");
        }
        Article article = validArticle(submission.article());
        validGtcQueries(submission.options().gtcQueries());
        FieldChecks.maxLength("externalRef", submission.externalRef(), MAX_EXTERNAL_REF_CHARS);
        FieldChecks.noControlCharacters("externalRef", submission.externalRef());
        FieldChecks.noControlCharacters("guidelineSet", submission.guidelineSet());
        String setId = submission.guidelineSet() != null ? submission.guidelineSet() : setsByLanguage.setFor(article);
        GuidelineSet set = guidelineSets.find(setId).orElseThrow(() -> new ProblemException(
                422, "unknown-guideline-set", "Unknown guideline set",
                "Guideline set '" + setId + "' does not exist; GET /api/v1/guideline-sets lists them.",
                Map.of("guidelineSet", setId)));
        return new CheckedSubmission(TextHash.sha256Hex(article.text()), set.id(), set.version(),
                submission.externalRef(), strict.writeValueAsString(submission.options()), article.text().length(),
                strict.writeValueAsString(article));
    }

    /** A submission that passed {@link #check}: the job's properties except its id and source. */
    public record CheckedSubmission(String articleSha256, String guidelineSetId, String guidelineSetVersion,
                                    String externalRef, String optionsJson, int textLength, String articleJson) {

        void setOn(Exchange exchange) {
            exchange.setProperty(JobProperties.ARTICLE_SHA256, articleSha256);
            exchange.setProperty(JobProperties.GUIDELINE_SET_ID, guidelineSetId);
            exchange.setProperty(JobProperties.GUIDELINE_SET_VERSION, guidelineSetVersion);
            exchange.setProperty(JobProperties.EXTERNAL_REF, externalRef);
            exchange.setProperty(JobProperties.OPTIONS_JSON, optionsJson);
            exchange.setProperty(JobProperties.TEXT_LENGTH, textLength);
            exchange.setProperty(JobProperties.ARTICLE_JSON, articleJson);
        }
    }

    /**
     * Parses a JSON body strictly ({@link StrictJson}: unknown fields, wrong JSON types, trailing text, duplicate keys
     * and control characters in any string are refused); {@code knownFields} names the fields the detail lists.
     */
    public <T> T parse(String body, Class<T> type, String knownFields) {
        return json.parse(body, type, knownFields);
    }

    private Article validArticle(Article article) {
        if (article == null) {
            throw ProblemException.badRequest("article is required.");
        }
        if (article.text() == null || article.text().isBlank()) {
            throw ProblemException.badRequest("article.text is required and must not be empty.");
        }
        if (article.text().length() > maxTextChars) {
            throw new ProblemException(413, "article-too-large", "Article too large",
                    "article.text has " + article.text().length() + " characters; the limit is " + maxTextChars + ".",
                    Map.of("limit", maxTextChars, "actual", article.text().length()));
        }
        FieldChecks.maxLength("article.title", article.title(), MAX_TITLE_CHARS);
        FieldChecks.noControlCharacters("article.title", article.title());
        FieldChecks.noControlCharacters("article.text", article.text());
        return article;
    }

    /**
     * The contract (OpenAPI and AsyncAPI) already refused more than 10 queries and a blank or null one; its
     * {@code maxLength} counts code points, the hub's limit UTF-16 code units.
     */
    private static void validGtcQueries(java.util.List<String> queries) {
        for (int i = 0; i < queries.size(); i++) {
            String q = queries.get(i);
            FieldChecks.maxLength("options.gtcQueries[" + i + "]", q, MAX_GTC_QUERY_CHARS);
            FieldChecks.noControlCharacters("options.gtcQueries[" + i + "]", q);
        }
    }

    /**
     * The body as text, decoded strictly: bytes that are not UTF-8 are a 400 problem naming the byte offset, never
     * silently replaced by U+FFFD.
     */
    public static String utf8Body(Exchange exchange) {
        Object body = exchange.getIn().getBody();
        if (body == null || body instanceof String) {
            return (String) body;
        }
        byte[] bytes = exchange.getIn().getBody(byte[].class);
        java.nio.ByteBuffer in = java.nio.ByteBuffer.wrap(bytes);
        java.nio.charset.CharsetDecoder decoder = java.nio.charset.StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
                .onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPORT);
        java.nio.CharBuffer out = java.nio.CharBuffer.allocate(bytes.length);
        java.nio.charset.CoderResult result = decoder.decode(in, out, true);
        if (result.isError()) {
            throw new ProblemException(400, "invalid-encoding", "Invalid encoding", "The request body is not valid "
                    + "UTF-8: a malformed byte sequence starts at byte offset " + in.position() + ".",
                    Map.of("offset", in.position()));
        }
        decoder.flush(out);
        String text = out.flip().toString();
        exchange.getIn().setBody(text);
        return text;
    }

    /** A 415 problem unless the content type is JSON ({@link StrictJson#requireJson}). */
    public static void requireJson(String contentType) {
        StrictJson.requireJson(contentType);
    }
}
