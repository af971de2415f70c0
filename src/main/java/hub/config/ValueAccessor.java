package hub.config;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiFunction;
import java.util.regex.Pattern;
import org.apache.camel.Exchange;
import org.apache.camel.Expression;
import org.apache.camel.language.bean.RuntimeBeanExpressionException;
import org.apache.camel.support.ExpressionAdapter;

/**
 * A simple-language property chain on a value ({@code ${body.cacheKey}}, {@code ${exchangeProperty.task.guideline.id}},
 * {@code ${exchangeProperty.candidates.isEmpty()}}), each step called as Camel's bean language would call it: the
 * value's public method of that name without parameters, else its getter ({@code getKey}, {@code isValid}). A chain
 * with anything else (arguments, an index, a null-safe step) is left to Camel's bean language from the start; a step
 * this class cannot call on the value it meets (an overloaded name, a map key) is handed to Camel's language with the
 * rest of the chain.
 */
final class ValueAccessor extends ExpressionAdapter {

    private static final Pattern CHAIN =
            Pattern.compile("[A-Za-z_$][A-Za-z0-9_$]*(\\(\\))?(\\.[A-Za-z_$][A-Za-z0-9_$]*(\\(\\))?)*");
    private static final ClassValue<Map<String, Optional<Method>>> ACCESSORS = new ClassValue<>() {
        @Override
        protected Map<String, Optional<Method>> computeValue(Class<?> type) {
            return new ConcurrentHashMap<>();
        }
    };

    /**
     * Each chain the routes hold, read once: the simple language asks for a new expression on every evaluation, so
     * this is on the hot path.
     */
    private static final Map<String, Optional<List<String>>> STEPS = new ConcurrentHashMap<>();

    private final Object value;
    private final List<String> steps;
    /** Camel's bean language for a value and the rest of a chain. */
    private final BiFunction<Object, String, Expression> camel;

    private ValueAccessor(Object value, List<String> steps, BiFunction<Object, String, Expression> camel) {
        this.value = value;
        this.steps = steps;
        this.camel = camel;
    }

    /**
     * The accessor for the bean language's properties when they are a simple chain on a value ({@code {resultType,
     * value, chain}}, the chain as {@code .cacheKey}) whose first step this class can call, or null.
     */
    static Expression of(Object[] properties, BiFunction<Object, String, Expression> camel) {
        if (properties.length != 3 || properties[0] != null || properties[1] == null
                || !(properties[2] instanceof String given)) {
            return null;
        }
        List<String> steps = STEPS.computeIfAbsent(given, ValueAccessor::steps).orElse(null);
        return steps == null || accessor(properties[1].getClass(), steps.get(0)) == null ? null
                : new ValueAccessor(properties[1], steps, camel);
    }

    /** The steps of a chain, or none when it is more than accessors. */
    private static Optional<List<String>> steps(String given) {
        // The simple language passes the chain with its leading dot: ${body.cacheKey} gives ".cacheKey".
        String chain = given.startsWith(".") ? given.substring(1) : given;
        if (!CHAIN.matcher(chain).matches()) {
            return Optional.empty();
        }
        return Optional.of(Arrays.stream(chain.split("\\.")).map(step -> step.replace("()", "")).toList());
    }

    @Override
    public Object evaluate(Exchange exchange) {
        Object current = value;
        for (int i = 0; i < steps.size(); i++) {
            String step = steps.get(i);
            if (current == null) {
                throw new RuntimeBeanExpressionException(exchange, value.getClass().getName(), step,
                        "the step before " + step + " returned null");
            }
            Method method = accessor(current.getClass(), step);
            if (method == null) {
                return camel.apply(current, String.join(".", steps.subList(i, steps.size()))).evaluate(exchange, Object.class);
            }
            current = call(exchange, method, current);
        }
        return current;
    }

    private static Object call(Exchange exchange, Method method, Object target) {
        try {
            return method.invoke(target);
        } catch (InvocationTargetException e) {
            throw new RuntimeBeanExpressionException(exchange, target.getClass().getName(), method.getName(),
                    e.getTargetException());
        } catch (IllegalAccessException e) {
            throw new RuntimeBeanExpressionException(exchange, target.getClass().getName(), method.getName(), e);
        }
    }

    private static Method accessor(Class<?> type, String name) {
        return ACCESSORS.get(type).computeIfAbsent(name, n -> Optional.ofNullable(find(type, n))).orElse(null);
    }

    private static Method find(Class<?> type, String name) {
        if (overloaded(type, name)) {
            return null;
        }
        String property = Character.toUpperCase(name.charAt(0)) + name.substring(1);
        for (String candidate : new String[] {name, "get" + property, "is" + property}) {
            Method found = accessible(type, candidate);
            if (found != null) {
                return found;
            }
        }
        return null;
    }

    private static boolean overloaded(Class<?> type, String name) {
        for (Method method : type.getMethods()) {
            if (method.getName().equals(name) && method.getParameterCount() > 0) {
                return true;
            }
        }
        return false;
    }

    /** The method as declared by a public type this class may call it through (a JDK list's {@code size} is List's). */
    private static Method accessible(Class<?> start, String name) {
        Deque<Class<?>> types = new ArrayDeque<>(List.of(start));
        Set<Class<?>> seen = new HashSet<>();
        while (!types.isEmpty()) {
            Class<?> type = types.poll();
            if (!seen.add(type)) {
                continue;
            }
            if (Modifier.isPublic(type.getModifiers()) && type.getModule().isExported(type.getPackageName())) {
                try {
                    Method method = type.getMethod(name);
                    if (method.getReturnType() != void.class && !Modifier.isStatic(method.getModifiers())
                            && Modifier.isPublic(method.getDeclaringClass().getModifiers())) {
                        return method;
                    }
                } catch (NoSuchMethodException | SecurityException e) {
                    // not declared on this type: try its supertypes
                }
            }
            if (type.getSuperclass() != null) {
                types.add(type.getSuperclass());
            }
            types.addAll(List.of(type.getInterfaces()));
        }
        return null;
    }

    @Override
    public String toString() {
        return "ValueAccessor[" + value.getClass().getName() + "." + String.join(".", steps) + "]";
    }
}
