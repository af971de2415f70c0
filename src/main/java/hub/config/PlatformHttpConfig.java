package hub.config;

import java.util.List;
import java.util.concurrent.Executor;
import org.apache.camel.component.platform.http.spi.PlatformHttpEngine;
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
}
