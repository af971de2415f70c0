package hub.config;

import java.util.List;
import java.util.concurrent.Executor;
import org.apache.camel.component.platform.http.spi.PlatformHttpEngine;
import org.springframework.boot.actuate.endpoint.web.servlet.AbstractWebMvcEndpointHandlerMapping;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.task.TaskExecutionAutoConfiguration;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

@Configuration(proxyBeanMethods = false)
public class PlatformHttpConfig {

    /**
     * Wraps camel-platform-http-starter's engine (bean {@code platform-http-engine}, which the starter declares without
     * a way to replace it) in {@link SynchronousPlatformHttp}, unless {@code hub.api.synchronous-dispatch=false}.
     * Requests under {@code hub.api.asynchronous-paths} run on Spring's application task executor, as the starter's
     * engine runs them all.
     */
    @Bean
    static BeanPostProcessor synchronousPlatformHttp(Environment environment, BeanFactory beanFactory) {
        Binder binder = Binder.get(environment);
        boolean enabled = binder.bind("hub.api.synchronous-dispatch", Boolean.class).orElse(true);
        List<String> asynchronousPaths = binder.bind("hub.api.asynchronous-paths", Bindable.listOf(String.class))
                .orElse(List.of());
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                if (enabled && bean instanceof PlatformHttpEngine engine && !(bean instanceof SynchronousPlatformHttp)) {
                    return new SynchronousPlatformHttp(engine, () -> beanFactory.getBean(
                            TaskExecutionAutoConfiguration.APPLICATION_TASK_EXECUTOR_BEAN_NAME, Executor.class),
                            asynchronousPaths);
                }
                return bean;
            }
        };
    }

    /**
     * The actuator's endpoints are looked up after the routes' paths (camel-platform-http-starter's handler mapping,
     * order -1), not before them (Spring Boot gives them -100). Spring MVC asks each handler mapping in turn, so every
     * API call first matched its path against every actuator endpoint and failed: 2 % of a cached status read's CPU
     * (docs/performance.md). The two sets of paths are apart ({@code /actuator/**} against the contract's), so only the
     * cost moves: an actuator call now misses the routes' lookup first.
     */
    @Bean
    static BeanPostProcessor actuatorAfterRoutes() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessBeforeInitialization(Object bean, String beanName) {
                if (bean instanceof AbstractWebMvcEndpointHandlerMapping mapping) {
                    mapping.setOrder(ACTUATOR_ORDER);
                }
                return bean;
            }
        };
    }

    /** After the routes' handler mapping (-1), level with the application's controllers. */
    static final int ACTUATOR_ORDER = 0;
}
