package hub.config;

import java.io.InputStream;
import java.util.List;
import java.util.function.Predicate;
import org.apache.camel.CamelContext;
import org.apache.camel.spi.PackageScanResourceResolver;
import org.apache.camel.spring.boot.FatJarPackageScanResourceResolver;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
public class RouteResourcesConfig {

    /**
     * Started from the packaged jar, Camel resolves each of {@code camel.main.routes-include-pattern}'s eight patterns by
     * reading the whole jar, inflating every library jar nested in it on the way: about 70 s of a start on 2 cores
     * (the contract check's hub missed its 120 s to readiness once). The route files are the hub's own resources
     * ({@code BOOT-INF/classes}), never a library's, so the libraries are not opened.
     */
    @Bean
    static BeanPostProcessor routeFilesFromTheApplicationOnly() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                if (bean instanceof CamelContext camel) {
                    ApplicationResourcesResolver resolver = new ApplicationResourcesResolver();
                    resolver.setCamelContext(camel);
                    camel.getCamelContextExtension().addContextPlugin(PackageScanResourceResolver.class, resolver);
                }
                return bean;
            }
        };
    }

    /** camel-spring-boot's fat-jar resolver without its descent into nested jars. */
    static final class ApplicationResourcesResolver extends FatJarPackageScanResourceResolver {

        @Override
        protected List<String> doLoadImplementationsInJar(String packageName, InputStream stream, String urlPath,
                                                          Predicate<String> filter) {
            return doLoadImplementationsInJar(packageName, stream, urlPath, false, true, filter);
        }
    }
}
