package hub.vale.conformance;

import java.util.ArrayList;
import java.util.List;

/**
 * A package's {@code testdata/test.ct}: for each case, the files Vale was run on and its {@code --output=line}
 * alerts ({@code file:line:column:Style.Rule:Message}).
 */
record ExpectedOutput(List<Case> cases) {

    record Case(String name, List<String> files, List<String> alerts) {}

    static ExpectedOutput parse(String text) {
        List<Case> cases = new ArrayList<>();
        String name = null;
        List<String> files = new ArrayList<>();
        List<String> alerts = new ArrayList<>();
        for (String line : text.split("\\R")) {
            if (line.startsWith("$ cdf ")) {
                if (name != null) {
                    cases.add(new Case(name, files, alerts));
                }
                name = line.substring(line.lastIndexOf('/') + 1).strip();
                files = new ArrayList<>();
                alerts = new ArrayList<>();
            } else if (line.startsWith("$ vale ")) {
                for (String word : line.substring(7).strip().split("\\s+")) {
                    if (!word.startsWith("-")) {
                        files.add(word);
                    }
                }
            } else if (!line.isBlank() && name != null) {
                alerts.add(line.strip());
            }
        }
        if (name != null) {
            cases.add(new Case(name, files, alerts));
        }
        return new ExpectedOutput(cases);
    }
}
