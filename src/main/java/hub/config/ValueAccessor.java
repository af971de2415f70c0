package hub.config;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.apache.camel.Exchange;
import org.apache.camel.Expression;
import org.apache.camel.language.bean.RuntimeBeanExpressionException;
import org.apache.camel.support.ExpressionAdapter;

/**
 * One step of a simple-language property chain on a value ({@code ${body.cacheKey}}, {@code ${body.size}},
 * {@code ${exchangeProperty.candidates.isEmpty()}}), called as Camel's bean language would call it: the value's
 * public method of that name without parameters, else its getter ({@code getKey}, {@code isValid}). Anything else (a
 * chain, arguments, an overloaded name, a map key) is left to Camel's bean language.
 */
final class ValueAccessor extends ExpressionAdapter {

    private static final Pattern NAME = Pattern.compile("([A-Za-z_$][A-Za-z0-9_$]*)(\\(\\))?");
    private static final ClassValue<Map<String, Optional<Method>>> ACCESSORS = new ClassValue<>() {
        @Override
        protected Map<String, Optional<Method>> computeValue(Class<?> type) {
            return new ConcurrentHashMap<>();
        }
    };

    private final Object value;
    private final Method method;

    private ValueAccessor(Object value, Method method) {
        this.value = value;
        this.method = method;
    }

    /**
     * The accessor for the bean language's properties when they are a simple chain's step ({@code {resultType, value,
     * name}}), or null.
     */
    static Expression of(Object[] properties) {
        if (properties.length != 3 || properties[0] != null || properties[1] == null
                || !(properties[2] instanceof String step)) {
            return null;
        }
        var name = NAME.matcher(step);
        if (!name.matches()) {
            return null;
        }
        Object value = properties[1];
        return ACCESSORS.get(value.getClass())
                .computeIfAbsent(name.group(1), n -> Optional.ofNullable(find(value, n)))
                .map(method -> (Expression) new ValueAccessor(value, method))
                .orElse(null);
    }

    private static Method find(Object value, String name) {
        if (overloaded(value.getClass(), name)) {
            return null;
        }
        String property = Character.toUpperCase(name.charAt(0)) + name.substring(1);
        for (String candidate : new String[] {name, "get" + property, "is" + property}) {
            Method found = accessible(value, candidate);
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

    /** The method as declared by a type this class may call it through (a JDK list's {@code size} is List's). */
    private static Method accessible(Object value, String name) {
        Deque<Class<?>> types = new ArrayDeque<>();
        Set<Class<?>> seen = new HashSet<>();
        types.add(value.getClass());
        while (!types.isEmpty()) {
            Class<?> type = types.poll();
            if (!seen.add(type)) {
                continue;
            }
            try {
                Method method = type.getMethod(name);
                if (method.getReturnType() != void.class && !Modifier.isStatic(method.getModifiers())
                        && method.canAccess(value)) {
                    return method;
                }
            } catch (NoSuchMethodException | SecurityException e) {
                // not declared on this type: try its supertypes
            }
            if (type.getSuperclass() != null) {
                types.add(type.getSuperclass());
            }
            types.addAll(java.util.List.of(type.getInterfaces()));
        }
        return null;
    }

    @Override
    public Object evaluate(Exchange exchange) {
        try {
            return method.invoke(value);
        } catch (InvocationTargetException e) {
            throw new RuntimeBeanExpressionException(exchange, value.getClass().getName(), method.getName(),
                    e.getTargetException());
        } catch (IllegalAccessException e) {
            throw new RuntimeBeanExpressionException(exchange, value.getClass().getName(), method.getName(), e);
        }
    }

    @Override
    public String toString() {
        return "ValueAccessor[" + method + "]";
    }
}
