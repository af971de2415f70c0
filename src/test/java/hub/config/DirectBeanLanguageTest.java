package hub.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangePropertyKey;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DirectBeanLanguageTest {

    public static class Views {
        final List<Exchange> seen = new ArrayList<>();

        public String status(String body, String jobId, Exchange exchange) {
            seen.add(exchange);
            return body + "/" + jobId;
        }

        public boolean accepted(Exchange exchange) {
            seen.add(exchange);
            exchange.setProperty("checked", true);
            return true;
        }

        public String fail(String body) {
            throw new IllegalArgumentException("no " + body);
        }

        public Callable<String> later(String body) {
            return () -> "later " + body;
        }
    }

    /** Camel's bean language: properties {resultType, bean, method, beanType, ref, scope, validate}. */
    private final Views views = new Views();
    private CamelContext camel;
    private ProducerTemplate producer;
    private Exchange routed;

    @BeforeEach
    void start() throws Exception {
        camel = new DefaultCamelContext();
        camel.getRegistry().bind("bean-language", new DirectBeanLanguage());
        camel.getRegistry().bind("views", views);
        camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:status")
                    .setProperty("jobId", constant("j-1"))
                    .setProperty("status", method("views", "status(${body}, ${exchangeProperty.jobId}, *)"))
                    .filter(method("views", "accepted"))
                        .process(e -> routed = e)
                    .end()
                    .setBody(method("views", "later(${body})"));
                from("direct:fail")
                    .onException(IllegalArgumentException.class).handled(true).setBody(simple("caught ${exception.message}")).end()
                    .setProperty("x", method("views", "fail(${body})"))
                    .setBody(constant("not reached"));
            }
        });
        camel.start();
        producer = camel.createProducerTemplate();
    }

    @AfterEach
    void stop() {
        camel.stop();
    }

    @Test
    void callsTheBeanWithTheRoutesOwnExchangeAndBindsArgumentsAsCamelDoes() {
        Exchange done = producer.request("direct:status", e -> e.getIn().setBody("body"));

        assertThat(done.getProperty("status")).isEqualTo("body/j-1");
        assertThat(views.seen).hasSize(2).allSatisfy(seen -> assertThat(seen).isSameAs(routed));
        assertThat(done.getProperty("checked", Boolean.class)).isTrue();
        assertThat(done.getProperty(ExchangePropertyKey.TO_ENDPOINT.getName())).isNotEqualTo("bean-method-name");
    }

    @Test
    void aMethodReturningACallableStaysWithCamelsExpression() {
        assertThat(producer.requestBody("direct:status", "x", String.class)).isEqualTo("later x");
    }

    @Test
    void anExceptionOfTheBeanGoesToTheRoutesErrorHandling() {
        assertThat(producer.requestBody("direct:fail", "thing", String.class)).isEqualTo("caught no thing");
    }

    @Test
    void onlyNamedBeansWithAPlainMethodAreCalledDirectly() {
        DirectBeanLanguage language = new DirectBeanLanguage();
        language.setCamelContext(camel);
        assertThat(language.createExpression(null, new Object[] {null, null, "status", null, "views", null}))
                .isInstanceOf(DirectBeanLanguage.DirectBeanExpression.class);
        assertThat(language.createExpression(null, new Object[] {null, views, "status", null, null, null}))
                .isNotInstanceOf(DirectBeanLanguage.DirectBeanExpression.class);
        assertThat(language.createExpression(null, new Object[] {null, null, "later.length", null, "views", null}))
                .isNotInstanceOf(DirectBeanLanguage.DirectBeanExpression.class);
        assertThat(language.createExpression(null,
                        new Object[] {null, null, "status(${body}, ${exchangeProperty.jobId})", null, "views", null}))
                .isInstanceOf(DirectBeanLanguage.DirectBeanExpression.class);
    }

    @Test
    void aCallIsPlainWhateverItsArgumentsHoldAndAChainIsNot() {
        assertThat(DirectBeanLanguage.plainCall("status")).isTrue();
        assertThat(DirectBeanLanguage.plainCall("status(${exchangeProperty.jobRow})")).isTrue();
        assertThat(DirectBeanLanguage.plainCall("check(*, 'job')")).isTrue();
        assertThat(DirectBeanLanguage.plainCall("start(${exchangeProperty.jobId}, ${body.size()})")).isTrue();
        assertThat(DirectBeanLanguage.plainCall("quote(')(', \".\")")).isTrue();
        assertThat(DirectBeanLanguage.plainCall("status(${body}).length")).isFalse();
        assertThat(DirectBeanLanguage.plainCall("later.length")).isFalse();
        assertThat(DirectBeanLanguage.plainCall("items[0]")).isFalse();
        assertThat(DirectBeanLanguage.plainCall("status(${body}")).isFalse();
    }

    @Test
    void anUnknownBeanIsReportedWithItsNameWhenTheRouteIsCreated() {
        DirectBeanLanguage language = new DirectBeanLanguage();
        language.setCamelContext(camel);
        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> language.createExpression(null, new Object[] {null, null, "status", null, "nope", null}))
                .hasMessageContaining("nope");
    }

}
