package infra;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * A small parser for the ARM template expression language: function calls (optionally namespaced, as in
 * user-defined functions), string literals in single quotes with {@code ''} as the escaped quote, integer literals,
 * property access ({@code .name}) and indexers ({@code [expr]}). It checks that an expression is balanced, that
 * every function is a known ARM function, and that each call has a sane number of arguments.
 */
final class ArmExpression {

    /** Node of the parsed expression. */
    sealed interface Node permits Call, Str, Num, Property, Index {}

    record Call(String name, List<Node> args) implements Node {}

    record Str(String value) implements Node {}

    record Num(long value) implements Node {}

    record Property(Node target, String name) implements Node {}

    record Index(Node target, Node index) implements Node {}

    static final class ParseException extends RuntimeException {
        ParseException(String message, String text, int pos) {
            super(message + " at offset " + pos + " in \"" + text + "\"");
        }
    }

    private record Arity(int min, int max) {}

    private static final int MANY = Integer.MAX_VALUE;
    private static final Map<String, Arity> FUNCTIONS = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);

    private static void fn(int min, int max, String... names) {
        for (String name : names) {
            FUNCTIONS.put(name, new Arity(min, max));
        }
    }

    static {
        // Array and object functions
        fn(1, 1, "array", "empty", "first", "last", "length", "json", "items", "flatten", "shallowMerge");
        fn(1, MANY, "concat", "union", "intersection", "coalesce", "max", "min");
        fn(0, MANY, "createArray", "createObject");
        fn(2, 2, "contains", "range", "skip", "take", "filter", "map", "sort", "join", "indexOf", "lastIndexOf",
                "endsWith", "startsWith", "split", "uri", "cidrHost");
        fn(2, MANY, "tryGet");
        fn(3, 3, "reduce", "replace", "cidrSubnet", "if");
        fn(2, 3, "toObject", "padLeft", "dateTimeAdd");
        fn(1, MANY, "lambda");
        fn(1, 1, "lambdaVariables", "parseCidr");
        // Comparison and logical functions
        fn(2, 2, "equals", "greater", "greaterOrEquals", "less", "lessOrEquals");
        fn(2, MANY, "and", "or");
        fn(1, 1, "not", "bool");
        fn(0, 0, "true", "false", "null");
        // Numeric functions
        fn(2, 2, "add", "div", "mod", "mul", "sub");
        fn(1, 1, "float", "int");
        fn(0, 2, "copyIndex");
        // Resource and deployment functions
        fn(3, MANY, "extensionResourceId");
        fn(2, MANY, "resourceId", "subscriptionResourceId", "tenantResourceId", "managementGroupResourceId");
        fn(1, 3, "reference");
        fn(1, 2, "references", "providers");
        fn(3, 5, "pickZones");
        fn(0, 0, "resourceGroup", "subscription", "tenant", "deployment", "environment", "newGuid");
        fn(0, 1, "managementGroup", "utcNow");
        fn(1, 1, "parameters", "variables");
        // String functions
        fn(1, 1, "base64", "base64ToJson", "base64ToString", "dataUri", "dataUriToString", "string", "toLower",
                "toUpper", "trim", "uriComponent", "uriComponentToString", "dateTimeFromEpoch", "dateTimeToEpoch");
        fn(1, MANY, "format", "guid", "uniqueString");
        fn(1, 3, "substring");
    }

    /** True for the list* resource functions (listKeys, listSecrets, listAccountSas, ...). */
    static boolean isListFunction(String name) {
        return name.length() > 4 && name.regionMatches(true, 0, "list", 0, 4);
    }

    static boolean isKnownFunction(String name) {
        return FUNCTIONS.containsKey(name) || isListFunction(name) || name.contains(".");
    }

    /** A JSON string is an expression when it starts with '[' and ends with ']' and does not start with "[[". */
    static boolean isExpression(String s) {
        return s.length() >= 2 && s.startsWith("[") && s.endsWith("]") && !s.startsWith("[[");
    }

    /** Parses a template string of the form "[...]". */
    static Node parseTemplateString(String s) {
        if (!isExpression(s)) {
            throw new ParseException("not an expression", s, 0);
        }
        return parse(s.substring(1, s.length() - 1));
    }

    static Node parse(String text) {
        Parser p = new Parser(text);
        p.skipWs();
        if (p.atEnd()) {
            throw new ParseException("empty expression", text, 0);
        }
        Node n = p.expression();
        p.skipWs();
        if (!p.atEnd()) {
            throw new ParseException("unexpected '" + text.charAt(p.pos) + "'", text, p.pos);
        }
        return n;
    }

    /** Semantic problems of a parsed expression: unknown functions and wrong numbers of arguments. */
    static List<String> problems(Node node) {
        List<String> out = new ArrayList<>();
        walk(node, n -> {
            if (n instanceof Call c) {
                if (!isKnownFunction(c.name())) {
                    out.add("unknown function " + c.name() + "()");
                    return;
                }
                Arity a = FUNCTIONS.get(c.name());
                if (a == null && isListFunction(c.name())) {
                    a = new Arity(2, 3);
                }
                if (a != null && (c.args().size() < a.min() || c.args().size() > a.max())) {
                    out.add(c.name() + "() takes " + (a.min() == a.max() ? String.valueOf(a.min())
                            : a.min() + ".." + (a.max() == MANY ? "n" : String.valueOf(a.max())))
                            + " arguments, got " + c.args().size());
                }
                if ((c.name().equalsIgnoreCase("parameters") || c.name().equalsIgnoreCase("variables"))
                        && c.args().size() == 1 && !(c.args().get(0) instanceof Str)) {
                    out.add(c.name() + "() with a computed name cannot be checked");
                }
                if (c.name().equalsIgnoreCase("createObject") && c.args().size() % 2 != 0) {
                    out.add("createObject() needs key/value pairs, got " + c.args().size() + " arguments");
                }
            }
        });
        return out;
    }

    /** Every call of the given function whose single argument is a string literal: its argument. */
    static List<String> literalArguments(Node node, String function) {
        List<String> out = new ArrayList<>();
        walk(node, n -> {
            if (n instanceof Call c && c.name().equalsIgnoreCase(function) && !c.args().isEmpty()
                    && c.args().get(0) instanceof Str s) {
                out.add(s.value());
            }
        });
        return out;
    }

    static List<String> functionNames(Node node) {
        List<String> out = new ArrayList<>();
        walk(node, n -> {
            if (n instanceof Call c) {
                out.add(c.name().toLowerCase(Locale.ROOT));
            }
        });
        return out;
    }

    static void walk(Node node, java.util.function.Consumer<Node> visitor) {
        visitor.accept(node);
        if (node instanceof Call c) {
            c.args().forEach(a -> walk(a, visitor));
        } else if (node instanceof Property p) {
            walk(p.target(), visitor);
        } else if (node instanceof Index i) {
            walk(i.target(), visitor);
            walk(i.index(), visitor);
        }
    }

    private static final class Parser {
        private final String text;
        private int pos;

        Parser(String text) {
            this.text = text;
        }

        boolean atEnd() {
            return pos >= text.length();
        }

        void skipWs() {
            while (!atEnd() && Character.isWhitespace(text.charAt(pos))) {
                pos++;
            }
        }

        Node expression() {
            skipWs();
            Node n = primary();
            while (true) {
                skipWs();
                if (atEnd()) {
                    return n;
                }
                char c = text.charAt(pos);
                if (c == '.') {
                    pos++;
                    skipWs();
                    n = new Property(n, identifier());
                } else if (c == '[') {
                    pos++;
                    Node index = expression();
                    skipWs();
                    expect(']');
                    n = new Index(n, index);
                } else {
                    return n;
                }
            }
        }

        private Node primary() {
            if (atEnd()) {
                throw new ParseException("expression ends early", text, pos);
            }
            char c = text.charAt(pos);
            if (c == '\'') {
                return string();
            }
            if (c == '-' || Character.isDigit(c)) {
                int start = pos++;
                while (!atEnd() && Character.isDigit(text.charAt(pos))) {
                    pos++;
                }
                try {
                    return new Num(Long.parseLong(text.substring(start, pos)));
                } catch (NumberFormatException e) {
                    throw new ParseException("bad number", text, start);
                }
            }
            if (Character.isLetter(c) || c == '_') {
                int start = pos;
                String name = identifier();
                skipWs();
                if (!atEnd() && text.charAt(pos) == '.') {
                    // namespace.function( of a user-defined function
                    int save = pos;
                    pos++;
                    String member = identifier();
                    skipWs();
                    if (!atEnd() && text.charAt(pos) == '(') {
                        name = name + "." + member;
                    } else {
                        pos = save;
                    }
                }
                skipWs();
                if (atEnd() || text.charAt(pos) != '(') {
                    throw new ParseException("'" + name + "' is not followed by '('", text, start);
                }
                pos++;
                List<Node> args = new ArrayList<>();
                skipWs();
                if (!atEnd() && text.charAt(pos) == ')') {
                    pos++;
                    return new Call(name, args);
                }
                while (true) {
                    args.add(expression());
                    skipWs();
                    if (atEnd()) {
                        throw new ParseException("unclosed '(' of " + name, text, pos);
                    }
                    char d = text.charAt(pos);
                    if (d == ',') {
                        pos++;
                    } else if (d == ')') {
                        pos++;
                        return new Call(name, args);
                    } else {
                        throw new ParseException("expected ',' or ')'", text, pos);
                    }
                }
            }
            throw new ParseException("unexpected '" + c + "'", text, pos);
        }

        private Node string() {
            int start = pos++;
            StringBuilder sb = new StringBuilder();
            while (true) {
                if (atEnd()) {
                    throw new ParseException("unterminated string", text, start);
                }
                char c = text.charAt(pos++);
                if (c == '\'') {
                    if (!atEnd() && text.charAt(pos) == '\'') {
                        sb.append('\'');
                        pos++;
                    } else {
                        return new Str(sb.toString());
                    }
                } else {
                    sb.append(c);
                }
            }
        }

        private String identifier() {
            int start = pos;
            while (!atEnd() && (Character.isLetterOrDigit(text.charAt(pos)) || text.charAt(pos) == '_')) {
                pos++;
            }
            if (start == pos) {
                throw new ParseException("identifier expected", text, pos);
            }
            return text.substring(start, pos);
        }

        private void expect(char c) {
            if (atEnd() || text.charAt(pos) != c) {
                throw new ParseException("expected '" + c + "'", text, pos);
            }
            pos++;
        }
    }

    private ArmExpression() {}
}
