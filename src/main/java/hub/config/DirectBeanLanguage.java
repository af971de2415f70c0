package hub.config;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Future;
import java.util.regex.Pattern;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.Expression;
import org.apache.camel.NoSuchBeanException;
import org.apache.camel.component.bean.BeanConstants;
import org.apache.camel.component.bean.BeanInfo;
import org.apache.camel.component.bean.MethodInvocation;
import org.apache.camel.language.bean.BeanExpression;
import org.apache.camel.language.bean.BeanLanguage;
import org.apache.camel.language.bean.RuntimeBeanExpressionException;
import org.apache.camel.BeanScope;
import org.apache.camel.support.ObjectHelper;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * The {@code method} expressions of the routes ({@code setProperty: method: {ref: jobViews, method: "status(${body})"}})
 * calling the bean directly on the exchange. Camel's bean language copies the whole exchange for every such call (its
 * properties and headers), runs the bean on the copy, and copies the properties and headers back: with a job's
 * properties that was the largest single item of Camel's engine in the profiles (docs/performance.md). The route
 * files hold 129 of these expressions.
 * <p>
 * Only a named bean (registry {@code ref}, singleton scope) with a plain method name or one call is called directly:
 * its arguments are bound as Camel binds them ({@link BeanInfo}), and an exception the method throws is set on the
 * exchange, as Camel's language does. A bean given as an instance or a type, an OGNL chain, or a method returning a
 * {@link Callable}, {@link Future} or {@link CompletionStage} stays with Camel's expression. Camel takes a language
 * from the registry before its own when the bean is named {@code <language>-language};
 * {@code hub.camel.direct-bean-calls=false} leaves every expression to Camel's language.
 * <p>
 * The simple language's property chains ({@code ${body.cacheKey}}, {@code ${exchangeProperty.question.answered}})
 * come here too, once per evaluation, with the value as the bean: Camel builds a bean expression for each, looks its
 * bean info up by the value (hashing the whole record, deeply) and copies the exchange; {@link ValueAccessor} calls
 * the accessor instead.
 */
@Component("bean-language")
@ConditionalOnProperty(name = "hub.camel.direct-bean-calls", havingValue = "true", matchIfMissing = true)
public class DirectBeanLanguage extends BeanLanguage {

    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_$][A-Za-z0-9_$]*");

    @Override
    public Expression createExpression(String expression, Object[] properties) {
        Expression accessor = ValueAccessor.of(properties,
                (value, chain) -> super.createExpression(null, new Object[] {null, value, chain}));
        if (accessor != null) {
            return accessor;
        }
        Expression created = super.createExpression(expression, properties);
        if (created instanceof BeanExpression camel && callsNamedBeanDirectly(camel)) {
            DirectBeanExpression direct = new DirectBeanExpression(camel.getBeanName(), camel.getMethod());
            direct.setResultType(camel.getResultType());
            direct.setValidate(camel.isValidate());
            direct.setBeanComponent(camel.getBeanComponent());
            direct.setParameterMappingStrategy(camel.getParameterMappingStrategy());
            direct.setSimple(camel.getSimple());
            if (getCamelContext() != null) {
                direct.init(getCamelContext());
            }
            return direct;
        }
        return created;
    }

    static boolean callsNamedBeanDirectly(BeanExpression expression) {
        return expression.getBean() == null && expression.getType() == null && expression.getBeanName() != null
                && expression.getMethod() != null && expression.getScope() == BeanScope.Singleton
                && plainCall(expression.getMethod());
    }

    /**
     * A method name, or one call with its arguments and nothing after it: {@code status(${exchangeProperty.jobRow})}.
     * Camel's own test ({@code OgnlHelper.isValidOgnlExpression}) takes any dot for a chain, the dots of the
     * arguments' simple expressions too, and sent those calls the slowest way.
     */
    static boolean plainCall(String method) {
        int open = method.indexOf('(');
        if (!IDENTIFIER.matcher(open < 0 ? method : method.substring(0, open)).matches()) {
            return false;
        }
        if (open < 0) {
            return true;
        }
        int depth = 0;
        char quote = 0;
        for (int i = open; i < method.length(); i++) {
            char c = method.charAt(i);
            if (quote != 0) {
                quote = c == quote ? 0 : quote;
            } else if (c == '\'' || c == '"') {
                quote = c;
            } else if (c == '(') {
                depth++;
            } else if (c == ')' && --depth == 0) {
                return i == method.length() - 1;
            }
        }
        return false;
    }

    /** A bean method call on the exchange itself; whatever this class does not call directly goes to Camel's own. */
    static final class DirectBeanExpression extends BeanExpression {

        private volatile Object bean;
        private volatile BeanInfo info;
        private volatile boolean direct = true;

        DirectBeanExpression(String beanName, String method) {
            super(beanName, method);
        }

        @Override
        public Object evaluate(Exchange exchange) {
            if (!direct) {
                return super.evaluate(exchange);
            }
            try {
                return call(exchange);
            } catch (RuntimeBeanExpressionException e) {
                throw e;
            } catch (Exception e) {
                throw new RuntimeBeanExpressionException(exchange, getBeanName(), getMethod(), e);
            }
        }

        private Object call(Exchange exchange) throws Exception {
            CamelContext context = exchange.getContext();
            if (info == null) {
                Object found = context.getRegistry().lookupByName(getBeanName());
                if (found == null) {
                    throw new NoSuchBeanException(getBeanName());
                }
                bean = found;
                info = new BeanInfo(context, found.getClass(), getParameterMappingStrategy(), getBeanComponent());
            }
            MethodInvocation invocation;
            exchange.setProperty(BeanConstants.BEAN_METHOD_NAME, getMethod());
            try {
                invocation = info.createInvocation(bean, exchange, getMethod());
            } finally {
                exchange.removeProperty(BeanConstants.BEAN_METHOD_NAME);
            }
            if (invocation == null || returnsLater(invocation.getMethod())) {
                direct = false;
                return super.evaluate(exchange);
            }
            try {
                return ObjectHelper.invokeMethodSafe(invocation.getMethod(), bean, invocation.getArguments());
            } catch (InvocationTargetException e) {
                exchange.setException(e.getTargetException());
                return null;
            }
        }

        private static boolean returnsLater(Method method) {
            Class<?> type = method.getReturnType();
            return Callable.class.isAssignableFrom(type) || Future.class.isAssignableFrom(type)
                    || CompletionStage.class.isAssignableFrom(type);
        }
    }
}
