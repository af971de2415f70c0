package bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A realistic editing session, generated deterministically from a seed: a ~1,500-word article about a savings plan
 * (headings and paragraphs of five sentences, about 70 words, as web articles have them; one risk-warning paragraph) and its later versions, each changing one
 * sentence in 1 to 3 paragraphs. Some sentences carry what the fake LLM flags (a superlative, unexplained jargon, a
 * fee claim, playing down effort), so edits add and fix findings as a writer's would.
 */
final class EditingSession {

    static final String WARNING = "Capital at risk. The value of your investment can go down as well as up, and you "
            + "may get back less than you invest. Read the key information document before you decide.";
    private static final String[] SUBJECTS = {"The plan", "Your savings plan", "Our account", "The fund",
        "This product", "Your balance", "The app", "Monthly saving", "The interest rate", "Our service team"};
    private static final String[] VERBS = {"helps you", "lets you", "makes it simple to", "gives you a way to",
        "is designed to help you"};
    private static final String[] OBJECTS = {"put money aside each month", "track your progress in one place",
        "change your payments when life changes", "see every transaction as it happens",
        "plan for a home or a holiday", "compare options before you decide", "set goals for the years ahead",
        "move money between your accounts", "keep an eye on what you pay", "build a reserve for emergencies"};
    private static final String[] TAILS = {"without extra paperwork.", "at any time of the year.",
        "with clear yearly statements.", "in a few simple steps.", "from your phone or your computer.",
        "whenever it suits you.", "and review your choices every year.", "with support from our advisers."};
    private static final String[] FLAGGED = {"Many readers say it is the finest plan in the country.",
        "An annuity can turn your savings into a regular income later.",
        "There are no hidden costs for switching between funds.",
        "Saving becomes effortless once the transfers are set up."};
    private static final int SENTENCES_PER_PARAGRAPH = 5;

    private final Random random;
    private final List<List<String>> paragraphs = new ArrayList<>();
    private final List<Boolean> editable = new ArrayList<>();

    EditingSession(long seed, int words) {
        random = new Random(seed);
        int written = 0;
        int section = 0;
        while (written < words) {
            if (paragraphs.size() % 4 == 0) {
                section++;
                add(List.of("Part " + section + ": " + OBJECTS[random.nextInt(OBJECTS.length)]), false);
                written += 2 + OBJECTS[0].split(" ").length;
                continue;
            }
            List<String> sentences = new ArrayList<>();
            for (int s = 0; s < SENTENCES_PER_PARAGRAPH; s++) {
                sentences.add(sentence(0.08));
            }
            add(sentences, true);
            written += String.join(" ", sentences).split("\\s+").length;
            if (paragraphs.size() == 7) {
                add(List.of(WARNING), false);
                written += WARNING.split(" ").length;
            }
        }
    }

    /** The next version: one sentence replaced in each of 1 to 3 distinct paragraphs (never headings or the warning). */
    String edit() {
        int changes = 1 + random.nextInt(3);
        List<Integer> candidates = new ArrayList<>();
        for (int i = 0; i < paragraphs.size(); i++) {
            if (editable.get(i)) {
                candidates.add(i);
            }
        }
        for (int c = 0; c < changes; c++) {
            List<String> paragraph = paragraphs.get(candidates.remove(random.nextInt(candidates.size())));
            paragraph.set(random.nextInt(paragraph.size()), sentence(0.3));
        }
        return text();
    }

    String text() {
        List<String> blocks = new ArrayList<>();
        paragraphs.forEach(p -> blocks.add(String.join(" ", p)));
        return String.join("\n\n", blocks);
    }

    int words() {
        return text().split("\\s+").length;
    }

    private void add(List<String> sentences, boolean canEdit) {
        paragraphs.add(new ArrayList<>(sentences));
        editable.add(canEdit);
    }

    private String sentence(double flaggedShare) {
        if (random.nextDouble() < flaggedShare) {
            return FLAGGED[random.nextInt(FLAGGED.length)];
        }
        return SUBJECTS[random.nextInt(SUBJECTS.length)] + " " + VERBS[random.nextInt(VERBS.length)] + " "
                + OBJECTS[random.nextInt(OBJECTS.length)] + " " + TAILS[random.nextInt(TAILS.length)];
    }
}
