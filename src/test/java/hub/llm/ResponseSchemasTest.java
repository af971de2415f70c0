package hub.llm;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaId;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import hub.candidatereview.CandidateReviewParser;
import hub.gtc.check.GtcCheckParser;
import hub.gtc.check.GtcPassage;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each output contract's {@link ResponseSchema}, beside its parser: a valid JSON Schema (2020-12) within OpenAI's
 * strict mode, and every answer valid under it (the ones real strict decoding produces, nulls and empty arrays
 * included) is accepted by its parser, while answers the parser rejects for their shape are invalid under it too.
 */
class ResponseSchemasTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
    /** The keywords OpenAI's strict mode supports that the schemas use (no minimum, pattern, minItems, ...). */
    private static final Set<String> STRICT_KEYWORDS = Set.of("type", "properties", "required",
            "additionalProperties", "items", "enum", "description", "anyOf", "const");

    private static final List<GtcPassage> PASSAGES = List.of(
            new GtcPassage("gtc-1", "v1", 3, "4.2", "Fees", "A 1.5% fee applies abroad."));

    /** A contract: its schema, the parser as a predicate on a chat-completions response, and sample answers. */
    record Contract(String name, ResponseSchema schema, Predicate<String> accepts, List<String> validAnswers,
            List<String> shapeViolations) {

        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Arguments> contracts() {
        VerdictParser verdicts = new VerdictParser(JSON);
        UnitBatchParser batches = new UnitBatchParser(JSON);
        GtcCheckParser gtc = new GtcCheckParser(JSON);
        CandidateReviewParser candidates = new CandidateReviewParser(JSON);
        return Stream.of(
                new Contract("guideline verdict", VerdictParser.SCHEMA,
                        r -> verdicts.parse(r).valid(),
                        List.of("""
                                {"verdict":"FAIL","confidence":0.8,"rationale":"r","findings":[
                                 {"quote":"q","message":"m","suggestion":"s"},
                                 {"quote":"q","message":"m","suggestion":null}]}""",
                                """
                                {"verdict":"NOT_APPLICABLE","confidence":null,"rationale":"r","findings":[]}"""),
                        List.of("""
                                {"verdict":"FAIL","confidence":0.8,"rationale":"r","findings":[],"score":1}""",
                                """
                                {"verdict":"MAYBE","confidence":0.8,"rationale":"r","findings":[]}""")),
                new Contract("unit batch", UnitBatchParser.SCHEMA,
                        r -> batches.parse(r, List.of("claims"), List.of("disclaimer"),
                                List.of("The best fund.", "Past performance is no guarantee.")).valid(),
                        List.of("""
                                {"guidelines":[{"id":"claims","applicable":[1],"rationale":"r","violations":[
                                 {"passage":1,"verdict":"WARN","confidence":null,"quote":"The best fund.",
                                  "message":"m","suggestion":null}]}],
                                 "requirements":[{"id":"disclaimer","satisfiedBy":[2],"rationale":"r"}]}""",
                                """
                                {"guidelines":[{"id":"claims","applicable":[],"rationale":"r","violations":[]}],
                                 "requirements":[{"id":"disclaimer","satisfiedBy":[],"rationale":"r"}]}"""),
                        List.of("""
                                {"guidelines":[{"id":"claims","applicable":[],"rationale":"r","violations":[],
                                 "extra":1}],"requirements":[{"id":"disclaimer","satisfiedBy":[],"rationale":"r"}]}""",
                                """
                                {"guidelines":[{"id":"claims","applicable":[1],"rationale":"r","violations":[
                                 {"passage":1,"verdict":"PASS","confidence":null,"quote":"The best fund.",
                                  "message":"m","suggestion":null}]}],
                                 "requirements":[{"id":"disclaimer","satisfiedBy":[],"rationale":"r"}]}""")),
                new Contract("GTC check", GtcCheckParser.SCHEMA,
                        r -> gtc.parse(r, PASSAGES).valid(),
                        List.of("""
                                {"findings":[{"claim":"No fees abroad.","passage":"P1","verdict":"CONTRADICTS",
                                 "explanation":"e"},{"claim":"c","passage":null,"verdict":"NOT_COVERED",
                                 "explanation":"e"}]}""",
                                """
                                {"findings":[]}"""),
                        List.of("""
                                {"findings":[{"claim":"c","passage":null,"verdict":"NOT_COVERED"}]}""",
                                """
                                {"findings":[],"page":3}""")),
                new Contract("rule candidate review", CandidateReviewParser.SCHEMA,
                        r -> candidates.parse(r, 2).valid(),
                        List.of("""
                                {"decisions":[{"candidate":1,"decision":"CONFIRM","reason":"r"},
                                 {"candidate":2,"decision":"OVERRULE","reason":"r"}]}""",
                                """
                                {"decisions":[{"candidate":2,"decision":"OVERRULE","reason":"r"},
                                 {"candidate":1,"decision":"OVERRULE","reason":"r"}]}"""),
                        List.of("""
                                {"decisions":[{"candidate":1,"decision":"MAYBE","reason":"r"},
                                 {"candidate":2,"decision":"OVERRULE","reason":"r"}]}""",
                                """
                                {"decisions":[{"candidate":1,"decision":"CONFIRM"},
                                 {"candidate":2,"decision":"OVERRULE","reason":"r"}]}"""))
        ).map(Arguments::of);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("contracts")
    void theSchemaIsAValidJsonSchema(Contract contract) {
        JsonSchema metaSchema = FACTORY.getSchema(SchemaLocation.of(SchemaId.V202012));

        assertThat(metaSchema.validate(contract.schema().schema())).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("contracts")
    void theSchemaKeepsToOpenAisStrictMode(Contract contract) {
        JsonNode root = contract.schema().schema();

        assertThat(root.path("type").asText()).as("the root is an object").isEqualTo("object");
        assertThat(strictModeProblems(root, "$")).isEmpty();
        assertThat(contract.schema().responseFormat(JSON).at("/json_schema/strict").asBoolean()).isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("contracts")
    void everyAnswerValidUnderTheSchemaIsAcceptedByTheParser(Contract contract) throws Exception {
        JsonSchema schema = FACTORY.getSchema(contract.schema().schema());
        for (String answer : contract.validAnswers()) {
            Set<ValidationMessage> problems = schema.validate(JSON.readTree(answer));
            assertThat(problems).as(answer).isEmpty();
            assertThat(contract.accepts().test(response(answer))).as(answer).isTrue();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("contracts")
    void answersThatBreakTheContractsShapeAreInvalidUnderTheSchemaToo(Contract contract) throws Exception {
        JsonSchema schema = FACTORY.getSchema(contract.schema().schema());
        for (String answer : contract.shapeViolations()) {
            assertThat(schema.validate(JSON.readTree(answer))).as(answer).isNotEmpty();
            assertThat(contract.accepts().test(response(answer))).as(answer).isFalse();
        }
    }

    /** Every object lists all its properties as required and forbids others; only strict-mode keywords. */
    private static List<String> strictModeProblems(JsonNode schema, String path) {
        List<String> problems = new ArrayList<>();
        for (Iterator<String> names = schema.fieldNames(); names.hasNext(); ) {
            String keyword = names.next();
            if (!STRICT_KEYWORDS.contains(keyword)) {
                problems.add(path + ": keyword " + keyword + " is not supported in strict mode");
            }
        }
        JsonNode type = schema.path("type");
        boolean object = type.asText().equals("object") || (type.isArray() && type.toString().contains("\"object\""));
        if (object) {
            Set<String> properties = new TreeSet<>();
            schema.path("properties").fieldNames().forEachRemaining(properties::add);
            Set<String> required = new TreeSet<>();
            schema.path("required").forEach(r -> required.add(r.asText()));
            if (!properties.equals(required)) {
                problems.add(path + ": required " + required + " is not every property " + properties);
            }
            if (!schema.path("additionalProperties").isBoolean() || schema.get("additionalProperties").asBoolean()) {
                problems.add(path + ": additionalProperties must be false");
            }
            for (Map.Entry<String, JsonNode> property : schema.path("properties").properties()) {
                problems.addAll(strictModeProblems(property.getValue(), path + "." + property.getKey()));
            }
        }
        if (schema.has("items")) {
            problems.addAll(strictModeProblems(schema.get("items"), path + "[]"));
        }
        if (!type.isMissingNode() && !(type.isTextual() || type.isArray())) {
            problems.add(path + ": type must be a string or an array of strings");
        }
        return problems;
    }

    private static String response(String content) throws Exception {
        return JSON.writeValueAsString(Map.of("model", "m",
                "choices", List.of(Map.of("finish_reason", "stop", "message", Map.of("content", content))),
                "usage", Map.of("prompt_tokens", 1, "completion_tokens", 1)));
    }
}
