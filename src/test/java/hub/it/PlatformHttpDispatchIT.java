package hub.it;

import static org.assertj.core.api.Assertions.assertThat;

import hub.config.SynchronousPlatformHttp;
import java.net.http.HttpResponse;
import java.util.List;
import org.apache.camel.CamelContext;
import org.apache.camel.component.platform.http.DefaultPlatformHttpConsumer;
import org.apache.camel.component.platform.http.PlatformHttpComponent;
import org.apache.camel.component.platform.http.springboot.CamelRequestHandlerMapping;
import org.springframework.boot.actuate.endpoint.web.servlet.WebMvcEndpointHandlerMapping;
import org.springframework.web.servlet.DispatcherServlet;
import org.springframework.web.servlet.HandlerMapping;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.util.ReflectionTestUtils;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerAdapter;

/** The hub's platform-http engine is the synchronous one (hub.config.SynchronousPlatformHttp), and the API answers. */
class PlatformHttpDispatchIT extends LocalServicesIT {

    @Autowired
    private CamelContext camel;

    @Autowired
    private RequestMappingHandlerAdapter handlerAdapter;

    @Autowired
    private DispatcherServlet dispatcherServlet;

    @Test
    void theContractsRoutesAreServedByTheSynchronousEngine() {
        assertThat(camel.getComponent("platform-http", PlatformHttpComponent.class).getEngine())
                .isInstanceOf(SynchronousPlatformHttp.class);
        assertThat(camel.getRoute("rest-api").getConsumer())
                .isInstanceOfSatisfying(DefaultPlatformHttpConsumer.class, consumer ->
                        assertThat(consumer.getPlatformHttpConsumer()).isInstanceOf(SynchronousPlatformHttp.Consumer.class));

        HttpResponse<String> unknown = hub.get("/api/v1/jobs/00000000-0000-0000-0000-000000000000");
        assertThat(unknown.statusCode()).as(unknown.body()).isEqualTo(404);
        assertThat(unknown.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                assertThat(type).startsWith("application/problem+json"));
    }

    @Test
    void springMvcPreparesNoMethodValidationForTheRoutesHandler() {
        assertThat(ReflectionTestUtils.getField(handlerAdapter, "methodValidator"))
                .as("no Bean Validation provider, so no per-call validation groups (hub.config.NoMethodValidation)")
                .isNull();
        assertThat(hub.get("/api/v1/guideline-sets").statusCode()).isEqualTo(200);
    }

    @Test
    void theRoutesPathsAreLookedUpBeforeTheActuatorsEndpoints() {
        List<HandlerMapping> mappings = dispatcherServlet.getHandlerMappings();
        assertThat(mappings).isNotNull();
        int routes = indexOf(mappings, CamelRequestHandlerMapping.class);
        int actuator = indexOf(mappings, WebMvcEndpointHandlerMapping.class);
        assertThat(routes).isNotNegative().isLessThan(actuator);
        assertThat(hub.withToken(null).get("/actuator/health/liveness").statusCode()).isEqualTo(200);
        assertThat(hub.get("/actuator/prometheus").statusCode()).isEqualTo(200);
    }

    private static int indexOf(List<HandlerMapping> mappings, Class<?> type) {
        for (int i = 0; i < mappings.size(); i++) {
            if (type.isInstance(mappings.get(i))) {
                return i;
            }
        }
        return -1;
    }
}
