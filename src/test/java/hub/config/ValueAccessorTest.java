package hub.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.apache.camel.CamelContext;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.Expression;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ValueAccessorTest {

    public record Question(String cacheKey, boolean answered, List<String> units) {
        public String fail() {
            throw new IllegalStateException("broken " + cacheKey);
        }
    }

    public record Holder(Overloaded question) {
    }

    public static class Overloaded {
        public String label() {
            return "plain";
        }

        public String label(String prefix) {
            return prefix + "plain";
        }
    }

    private CamelContext camel;
    private ProducerTemplate producer;
    /** What the language gave the simple language for each property chain it evaluated. */
    private final List<Expression> created = new java.util.concurrent.CopyOnWriteArrayList<>();

    @BeforeEach
    void start() throws Exception {
        camel = new DefaultCamelContext();
        camel.getRegistry().bind("bean-language", new DirectBeanLanguage() {
            @Override
            public Expression createExpression(String expression, Object[] properties) {
                Expression expression1 = super.createExpression(expression, properties);
                created.add(expression1);
                return expression1;
            }
        });
        camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:eval").setBody(simple("${body.cacheKey}|${body.answered}|${body.units.size}"));
                from("direct:chain").setProperty("question", body())
                    .setBody(simple("${exchangeProperty.question.units.isEmpty()}/${exchangeProperty.question.cacheKey.length}"));
                from("direct:nested").setBody(simple("${body.question.label}"));
                from("direct:choice")
                    .setProperty("question", body())
                    .choice()
                        .when(simple("${exchangeProperty.question.answered} == false")).setBody(constant("ask"))
                        .otherwise().setBody(simple("${exchangeProperty.question.cacheKey}"));
                from("direct:simple").setBody(simple("${body}"));
                from("direct:entry").setBody(simple("${body.key}=${body.value}"));
                from("direct:empty").setBody(simple("${body.isEmpty()}"));
                from("direct:label").setBody(simple("${body.label}"));
                from("direct:fail").setBody(simple("${body.fail}"));
                from("direct:key").choice().when(simple("${body.cacheKey} != null")).setBody(simple("${body.cacheKey}"));
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
    void aRecordsComponentsAndAListsSizeAreReadAsCamelReadsThem() {
        Question question = new Question("k-1", true, List.of("a", "b"));
        assertThat(producer.requestBody("direct:eval", question, String.class)).isEqualTo("k-1|true|2");
        assertThat(producer.requestBody("direct:choice", question, String.class)).isEqualTo("k-1");
        assertThat(producer.requestBody("direct:choice", new Question("k-2", false, List.of()), String.class))
                .isEqualTo("ask");
        assertThat(created).hasSize(6).allSatisfy(e -> assertThat(e).isInstanceOf(ValueAccessor.class));
    }

    @Test
    void gettersAndMethodCallsWithoutArguments() {
        assertThat(producer.requestBody("direct:entry", Map.entry("a", 1), String.class)).isEqualTo("a=1");
        assertThat(producer.requestBody("direct:empty", List.of(), String.class)).isEqualTo("true");
    }

    @Test
    void theAccessorIsUsedForASimpleStepAndCamelKeepsTheRest() {
        DirectBeanLanguage language = new DirectBeanLanguage();
        language.setCamelContext(camel);
        Question question = new Question("k", true, List.of());
        assertThat(ValueAccessor.of(new Object[] {null, question, ".cacheKey"}, null)).isInstanceOf(ValueAccessor.class);
        assertThat(ValueAccessor.of(new Object[] {null, question, ".units.size"}, null)).isInstanceOf(ValueAccessor.class);
        assertThat(ValueAccessor.of(new Object[] {null, question, "units[0]"}, null)).isNull();
        assertThat(ValueAccessor.of(new Object[] {null, question, "?.units.size"}, null)).isNull();
        assertThat(ValueAccessor.of(new Object[] {null, question, "nothing"}, null)).isNull();
        assertThat(ValueAccessor.of(new Object[] {null, new Overloaded(), "label"}, null)).isNull();
        assertThat(ValueAccessor.of(new Object[] {null, null, "status", null, "views", null}, null)).isNull();
    }

    @Test
    void theHubsOwnRecordsAreRead() {
        var question = new hub.incremental.UnitQuestion(null, null, "passage", "", "", 0, 7, "unit:key");
        assertThat(ValueAccessor.of(new Object[] {null, question, "cacheKey"}, null)).isInstanceOf(ValueAccessor.class);
        assertThat(producer.requestBody("direct:key", question, String.class)).isEqualTo("unit:key");
    }

    @Test
    void anOverloadedNameIsLeftToCamel() {
        // Camel binds the body to the overload with a parameter; the accessor would have called label().
        Overloaded overloaded = new Overloaded();
        assertThat(producer.requestBody("direct:label", overloaded, String.class)).isEqualTo(overloaded + "plain");
    }

    @Test
    void aChainIsFollowedStepByStepAndWhatTheAccessorCannotCallGoesToCamel() {
        assertThat(producer.requestBody("direct:chain", new Question("k-12", true, List.of("a")), String.class))
                .isEqualTo("false/4");
        // Camel binds the message body to the overload's parameter, as it does when it follows the whole chain.
        Holder holder = new Holder(new Overloaded());
        assertThat(producer.requestBody("direct:nested", holder, String.class)).isEqualTo(holder + "plain");
        assertThatThrownBy(() -> producer.requestBody("direct:nested", new Holder(null)))
                .rootCause().hasMessageContaining("returned null");
    }

    @Test
    void anExceptionOfTheAccessorReachesTheCaller() {
        assertThatThrownBy(() -> producer.requestBody("direct:fail", new Question("k-3", true, List.of())))
                .isInstanceOf(CamelExecutionException.class)
                .rootCause().hasMessage("broken k-3");
    }
}
