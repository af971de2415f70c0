package hub.vale;

import java.util.Map;

/**
 * The arithmetic of {@code metric} rules (a Tengo expression in Vale): numbers, variables, + - * / %, parentheses,
 * comparisons and the math module's common functions. Compiled from text at load time, evaluated per document.
 */
final class Formula {

    private final String text;
    private int at;
    private Map<String, Double> variables;

    private Formula(String text) {
        this.text = text;
    }

    /** Fails at load time on a syntax error, with all variables set to 1. */
    static void validate(String expression) {
        evaluate(expression, Map.of());
    }

    static double evaluate(String expression, Map<String, Double> variables) {
        Formula f = new Formula(expression);
        f.variables = variables;
        double value = f.comparison();
        f.skipSpaces();
        if (f.at != f.text.length()) {
            throw new IllegalArgumentException("unexpected '" + f.text.substring(f.at) + "' in " + expression);
        }
        return value;
    }

    private double comparison() {
        double left = sum();
        skipSpaces();
        for (String op : new String[] {">=", "<=", "==", "!=", ">", "<"}) {
            if (text.startsWith(op, at)) {
                at += op.length();
                double right = sum();
                boolean result = switch (op) {
                    case ">=" -> left >= right;
                    case "<=" -> left <= right;
                    case "==" -> left == right;
                    case "!=" -> left != right;
                    case ">" -> left > right;
                    default -> left < right;
                };
                return result ? 1 : 0;
            }
        }
        return left;
    }

    private double sum() {
        double value = product();
        while (true) {
            skipSpaces();
            if (eat('+')) {
                value += product();
            } else if (eat('-')) {
                value -= product();
            } else {
                return value;
            }
        }
    }

    private double product() {
        double value = unary();
        while (true) {
            skipSpaces();
            if (eat('*')) {
                value *= unary();
            } else if (eat('/')) {
                value /= unary();
            } else if (eat('%')) {
                value %= unary();
            } else {
                return value;
            }
        }
    }

    private double unary() {
        skipSpaces();
        if (eat('-')) {
            return -unary();
        }
        if (eat('(')) {
            double value = comparison();
            expect(')');
            return value;
        }
        int start = at;
        if (at < text.length() && (Character.isDigit(text.charAt(at)) || text.charAt(at) == '.')) {
            while (at < text.length() && (Character.isDigit(text.charAt(at)) || text.charAt(at) == '.')) {
                at++;
            }
            return Double.parseDouble(text.substring(start, at));
        }
        while (at < text.length() && (Character.isLetterOrDigit(text.charAt(at)) || text.charAt(at) == '_'
                || text.charAt(at) == '.')) {
            at++;
        }
        String name = text.substring(start, at);
        if (name.isEmpty()) {
            throw new IllegalArgumentException("expected a number or name at " + at + " in " + text);
        }
        skipSpaces();
        if (eat('(')) {
            return call(name);
        }
        return variables.isEmpty() ? 1 : variables.getOrDefault(name, 0.0);
    }

    private double call(String name) {
        double first = comparison();
        double second = Double.NaN;
        skipSpaces();
        if (eat(',')) {
            second = comparison();
        }
        expect(')');
        return switch (name.startsWith("math.") ? name.substring(5) : name) {
            case "sqrt" -> Math.sqrt(first);
            case "abs" -> Math.abs(first);
            case "pow" -> Math.pow(first, second);
            case "log" -> Math.log(first);
            case "log10" -> Math.log10(first);
            case "ceil" -> Math.ceil(first);
            case "floor" -> Math.floor(first);
            case "round" -> Math.round(first);
            case "min" -> Math.min(first, second);
            case "max" -> Math.max(first, second);
            default -> throw new IllegalArgumentException("unknown function " + name + " in " + text);
        };
    }

    private void expect(char c) {
        skipSpaces();
        if (!eat(c)) {
            throw new IllegalArgumentException("expected '" + c + "' at " + at + " in " + text);
        }
    }

    private boolean eat(char c) {
        if (at < text.length() && text.charAt(at) == c) {
            at++;
            return true;
        }
        return false;
    }

    private void skipSpaces() {
        while (at < text.length() && Character.isWhitespace(text.charAt(at))) {
            at++;
        }
    }
}
