package bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;
import hub.it.BatchVerdictsTransformer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A chat-completions server on loopback that counts what it receives and answers from the prompt's content, so the
 * verdicts follow the text, not a script. What it judges comes from a marker in the guideline's instruction:
 * {@code [fake: flag WORD]} fails every sentence of the judged text that contains WORD (one finding quoting the
 * sentence), {@code [fake: require PHRASE]} passes when the judged text contains PHRASE and fails otherwise; no marker
 * passes. The judged text is what the hub put between {@code <article>} and {@code </article>} (for a window, only
 * the passage to judge). A batch request (several guidelines, numbered passages) is judged per passage and guideline
 * by the same rules: a passing pair is applicable without violations, a failing one has a violation per finding (a
 * failed requirement quotes the whole passage); a requirement of the batch ({@code somewhere} scope) is satisfied by
 * the passages a single call would pass; so verdicts do not depend on batching. An outline request (outline scope)
 * is judged by the guideline's {@code [fake: outline flag|require ...]} marker, and passes without one. A GTC
 * consistency check finds
 * no contradiction. Tokens are counted as one per four characters: the prompt's message contents, and the answer's
 * content.
 */
public final class CountingLlm implements AutoCloseable {

    public static final String MODEL = "claude-fake";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern ID = Pattern.compile("- id: (\\S+)\\n");
    private static final Pattern MARKER = Pattern.compile("\\[fake: (flag|require) ([^\\]]+)]");
    private static final Pattern OUTLINE_MARKER = Pattern.compile("\\[fake: outline (flag|require) ([^\\]]+)]");
    /** What only the outline request's system message says. */
    static final String OUTLINE_CONTRACT = "the article's outline, not its text";
    private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?])\\s+");
    private static final Pattern PASSAGE = Pattern.compile("(?m)^\\[(\\d+)] (.*)$");
    /** What only the batch contract's system message says (with or without unit-scope guidelines). */
    static final String BATCH_CONTRACT = "one per line after its number in brackets";

    /** One request as the fake saw it; {@code guidelineId} lists a batch's guidelines, comma-separated. */
    public record Call(String guidelineId, String judged, int promptTokens, int completionTokens) {}

    /** While set, every batch request gets an answer that misses its guidelines (invalid, so re-asked). */
    public final java.util.concurrent.atomic.AtomicBoolean invalidBatchAnswers =
            new java.util.concurrent.atomic.AtomicBoolean();
    /** The answer's latency. */
    public final java.util.concurrent.atomic.AtomicInteger latencyMs = new java.util.concurrent.atomic.AtomicInteger();
    public final AtomicLong calls = new AtomicLong();
    public final AtomicLong promptTokens = new AtomicLong();
    public final AtomicLong completionTokens = new AtomicLong();
    private final List<Call> log = java.util.Collections.synchronizedList(new ArrayList<>());
    private final Map<String, String> markers = new ConcurrentHashMap<>();
    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool();

    public CountingLlm() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 256);
        server.setExecutor(threads);
        server.createContext("/", exchange -> {
            try (InputStream in = exchange.getRequestBody(); OutputStream out = exchange.getResponseBody()) {
                byte[] answer = answer(new String(in.readAllBytes(), StandardCharsets.UTF_8))
                        .getBytes(StandardCharsets.UTF_8);
                Thread.sleep(latencyMs.get());
                exchange.getResponseHeaders().set("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, answer.length);
                out.write(answer);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException e) {
                exchange.sendResponseHeaders(500, -1);
            }
        });
        server.start();
    }

    /** Judges the guideline {@code guidelineId} by {@code marker} (e.g. "[fake: flag leading]") whatever its text. */
    public CountingLlm judge(String guidelineId, String marker) {
        markers.put(guidelineId, marker);
        return this;
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/openai/deployments/claude/chat/completions";
    }

    public List<Call> calls() {
        synchronized (log) {
            return List.copyOf(log);
        }
    }

    public void reset() {
        calls.set(0);
        promptTokens.set(0);
        completionTokens.set(0);
        log.clear();
    }

    String answer(String requestJson) {
        try {
            JsonNode messages = JSON.readTree(requestJson).path("messages");
            String system = messages.path(0).path("content").asText();
            String user = messages.path(1).path("content").asText();
            int chars = 0;
            for (JsonNode m : messages) {
                chars += m.path("content").asText().length();
            }
            Matcher id = ID.matcher(system);
            List<String> ids = new ArrayList<>();
            while (id.find()) {
                ids.add(id.group(1));
            }
            String guidelineId = String.join(",", ids);
            String judged = judged(user);
            // The GTC consistency check (its own contract): no contradiction found.
            String content = system.contains("contractual claims") ? "{\"findings\": []}"
                    : system.contains(BATCH_CONTRACT) ? (invalidBatchAnswers.get() ? "{\"guidelines\": []}"
                            : JSON.writeValueAsString(batchVerdicts(system, ids, judged)))
                    : system.contains(OUTLINE_CONTRACT)
                            ? JSON.writeValueAsString(verdict(outlineMarker(marker(guidelineId, system)), judged))
                    : JSON.writeValueAsString(verdict(marker(guidelineId, system), judged));
            int prompt = (chars + 3) / 4;
            int completion = (content.length() + 3) / 4;
            calls.incrementAndGet();
            promptTokens.addAndGet(prompt);
            completionTokens.addAndGet(completion);
            log.add(new Call(guidelineId, judged, prompt, completion));
            ObjectNode body = JSON.createObjectNode().put("id", "chatcmpl-fake").put("object", "chat.completion")
                    .put("model", MODEL);
            ObjectNode choice = body.putArray("choices").addObject().put("index", 0).put("finish_reason", "stop");
            choice.putObject("message").put("role", "assistant").put("content", content);
            body.putObject("usage").put("prompt_tokens", prompt).put("completion_tokens", completion)
                    .put("total_tokens", prompt + completion);
            return JSON.writeValueAsString(body);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private String marker(String guidelineId, String system) {
        String configured = markers.get(guidelineId);
        return configured != null ? configured : system;
    }

    /** The outline's rule: {@code [fake: outline require risk]} judges the outline as {@code [fake: require risk]}. */
    private static String outlineMarker(String instruction) {
        Matcher m = OUTLINE_MARKER.matcher(instruction);
        return m.find() ? "[fake: " + m.group(1) + " " + m.group(2) + "]" : "";
    }

    private static String judged(String user) {
        int start = user.indexOf("<article>\n");
        int end = user.lastIndexOf("\n</article>");
        String body = start < 0 || end < start ? user : user.substring(start + "<article>\n".length(), end);
        if (body.startsWith("Title: ")) {
            body = body.substring(body.indexOf("\n\n") + 2);
        }
        int passage = body.indexOf("Passage to judge:\n");
        if (passage >= 0) {
            int after = body.indexOf("\n\nContext after (not judged):", passage);
            body = body.substring(passage + "Passage to judge:\n".length(), after < 0 ? body.length() : after);
        }
        return body;
    }

    /** Each guideline of a batch judged on each numbered passage by its own marker, as a single request would be. */
    private ObjectNode batchVerdicts(String system, List<String> ids, String judged) {
        ObjectNode answer = JSON.createObjectNode();
        ArrayNode guidelines = answer.putArray("guidelines");
        int requirementsFrom = BatchVerdictsTransformer.requirementsFrom(system);
        for (int g = 0; g < ids.size(); g++) {
            int from = system.indexOf("- id: " + ids.get(g) + "\n");
            int to = g + 1 < ids.size() ? system.indexOf("- id: " + ids.get(g + 1) + "\n") : system.length();
            if (from < requirementsFrom && to > requirementsFrom) {
                to = requirementsFrom;
            }
            String instruction = marker(ids.get(g), system.substring(from, to));
            if (from > requirementsFrom) {
                // A requirement (somewhere scope): the passages a single-unit call would have passed.
                ObjectNode requirement = answer.withArray("requirements").addObject().put("id", ids.get(g));
                ArrayNode satisfiedBy = requirement.putArray("satisfiedBy");
                Matcher passage = PASSAGE.matcher(judged);
                while (passage.find()) {
                    if (verdict(instruction, passage.group(2)).path("verdict").asText().equals("PASS")) {
                        satisfiedBy.add(Integer.parseInt(passage.group(1)));
                    }
                }
                requirement.put("rationale", satisfiedBy.isEmpty() ? "The required text is not here."
                        : "The required text is here.");
                continue;
            }
            ObjectNode entry = guidelines.addObject().put("id", ids.get(g));
            ArrayNode applicable = entry.putArray("applicable");
            ArrayNode violations = JSON.createArrayNode();
            Matcher passage = PASSAGE.matcher(judged);
            while (passage.find()) {
                int number = Integer.parseInt(passage.group(1));
                ObjectNode single = verdict(instruction, passage.group(2));
                applicable.add(number);
                if (single.path("verdict").asText().equals("PASS")) {
                    continue;
                }
                List<JsonNode> findings = new ArrayList<>();
                single.path("findings").forEach(findings::add);
                if (findings.isEmpty()) {
                    findings.add(JSON.createObjectNode().put("quote", passage.group(2))
                            .put("message", single.path("rationale").asText()));
                }
                for (JsonNode f : findings) {
                    violations.addObject().put("passage", number).put("verdict", single.path("verdict").asText())
                            .put("confidence", 0.9).put("quote", f.path("quote").asText())
                            .put("message", f.path("message").asText()).putNull("suggestion");
                }
            }
            entry.put("rationale", violations.isEmpty() ? "Nothing to object to." : "Some passages object.");
            entry.set("violations", violations);
        }
        return answer;
    }

    private static ObjectNode verdict(String instruction, String judged) {
        ObjectNode v = JSON.createObjectNode();
        ArrayNode findings = JSON.createArrayNode();
        Matcher m = MARKER.matcher(instruction);
        String verdict = "PASS";
        String rationale = "Nothing to object to.";
        if (m.find() && m.group(1).equals("flag")) {
            String word = m.group(2).trim().toLowerCase(Locale.ROOT);
            for (String line : judged.split("\n")) {
                for (String sentence : SENTENCE_END.split(line.strip())) {
                    if (sentence.toLowerCase(Locale.ROOT).contains(word)) {
                        findings.addObject().put("quote", sentence).put("message", "Uses '" + word + "'.")
                                .putNull("suggestion");
                    }
                }
            }
            if (!findings.isEmpty()) {
                verdict = "FAIL";
                rationale = findings.size() + " sentence(s) use '" + word + "'.";
            }
        } else if (m.find(0) && m.group(1).equals("require")) {
            boolean found = judged.toLowerCase(Locale.ROOT).contains(m.group(2).trim().toLowerCase(Locale.ROOT));
            verdict = found ? "PASS" : "FAIL";
            rationale = found ? "The required text is here." : "The required text is not here.";
        }
        v.put("verdict", verdict).put("confidence", 0.9).put("rationale", rationale).set("findings", findings);
        return v;
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
