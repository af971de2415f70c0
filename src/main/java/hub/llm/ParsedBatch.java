package hub.llm;

import hub.report.model.TokenUsage;
import hub.report.model.Verdict;
import java.util.List;
import java.util.Set;

/**
 * The outcome of parsing the answer to a batch request ({@link UnitBatchRequestFactory}): per guideline, the
 * passages it concerns and its violations; per requirement (a {@code somewhere} guideline), the passages that
 * satisfy it. When {@code valid} is false, {@code problem} says what was wrong (for the re-ask) and both lists are
 * empty; usage and model are kept either way for the token count.
 */
public record ParsedBatch(boolean valid, String problem, List<GuidelineAnswer> guidelines,
        List<RequirementAnswer> requirements, String assistantContent, TokenUsage usage, String model) {

    public ParsedBatch {
        guidelines = guidelines == null ? List.of() : List.copyOf(guidelines);
        requirements = requirements == null ? List.of() : List.copyOf(requirements);
        usage = usage == null ? TokenUsage.NONE : usage;
    }

    public static ParsedBatch invalid(String problem, String assistantContent, TokenUsage usage, String model) {
        return new ParsedBatch(false, problem, List.of(), List.of(), assistantContent, usage, model);
    }

    /** The answer for one requirement id; null when there is none (never for a valid batch's requirements). */
    public RequirementAnswer requirement(String guidelineId) {
        return requirements.stream().filter(r -> r.id().equals(guidelineId)).findFirst().orElse(null);
    }

    /** The answer for one guideline id; null when there is none (never for a valid batch's guidelines). */
    public GuidelineAnswer of(String guidelineId) {
        return guidelines.stream().filter(g -> g.id().equals(guidelineId)).findFirst().orElse(null);
    }

    /** One guideline's answer; passage numbers count from 1. */
    public record GuidelineAnswer(String id, Set<Integer> applicable, String rationale, List<Violation> violations) {

        public GuidelineAnswer {
            applicable = Set.copyOf(applicable);
            violations = List.copyOf(violations);
        }
    }

    /** One requirement's answer: the passages (numbered from 1) that satisfy it; the others do not. */
    public record RequirementAnswer(String id, Set<Integer> satisfiedBy, String rationale) {

        public RequirementAnswer {
            satisfiedBy = Set.copyOf(satisfiedBy);
        }
    }

    /** A violation in one passage, its quote checked to occur in that passage. */
    public record Violation(int passage, Verdict verdict, Double confidence, QuotedFinding finding) {}
}
