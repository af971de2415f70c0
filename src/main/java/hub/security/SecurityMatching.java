package hub.security;

import java.util.List;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConstructorArgumentValues.ValueHolder;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.web.PathPatternRequestMatcherBuilderFactoryBean;

/**
 * Spring Security matches the hub's request rules ({@link SecurityConfig}) as path patterns, and without the filter
 * Spring Security puts before its chain to serve Spring MVC's {@code HandlerMappingIntrospector}.
 *
 * <p>With Spring MVC present, {@code requestMatchers("/api/**")} would ask Spring MVC which handler serves the
 * request, and Spring Security wraps its chain (the bean {@code springSecurityFilterChain}, a
 * {@code CompositeFilterChainProxy}) in a filter that looks the handler up for every request, whether or not a
 * matcher needs it: 7 % of the CPU of the hub's cheapest API call, on top of the DispatcherServlet's own lookup
 * (docs/performance.md). The hub's rules are plain path prefixes and its CORS configuration is a path-based source
 * of its own, so neither needs Spring MVC's view of the request: the matchers are {@code PathPatternRequestMatcher}s,
 * and {@link #withoutIntrospectorCache()} registers the security chain itself under that name. Should a later Spring
 * Security build its chain differently, the post-processor leaves it as it is (and {@code SecurityMatchingIT} fails).
 */
@Configuration(proxyBeanMethods = false)
public class SecurityMatching {

    static final String CHAIN = "springSecurityFilterChain";
    static final String COMPOSITE =
            "org.springframework.security.config.annotation.web.configuration.WebMvcSecurityConfiguration$CompositeFilterChainProxy";
    static final String INTROSPECTOR_CACHE =
            "org.springframework.security.config.annotation.web.configuration.WebMvcSecurityConfiguration$HandlerMappingIntrospectorCacheFilterFactoryBean";

    /** {@code requestMatchers(String...)} builds path-pattern matchers. */
    @Bean
    static PathPatternRequestMatcherBuilderFactoryBean requestMatcherBuilder() {
        return new PathPatternRequestMatcherBuilderFactoryBean();
    }

    @Bean
    static BeanFactoryPostProcessor withoutIntrospectorCache() {
        return factory -> {
            if (factory instanceof BeanDefinitionRegistry registry && registry.containsBeanDefinition(CHAIN)) {
                BeanDefinition chain = unwrapped(registry.getBeanDefinition(CHAIN));
                if (chain != null) {
                    registry.removeBeanDefinition(CHAIN);
                    registry.registerBeanDefinition(CHAIN, chain);
                }
            }
        };
    }

    /** The security chain inside Spring Security's composite of it and the introspector's cache; null otherwise. */
    static BeanDefinition unwrapped(BeanDefinition definition) {
        if (!COMPOSITE.equals(definition.getBeanClassName())) {
            return null;
        }
        ValueHolder filters = definition.getConstructorArgumentValues().getIndexedArgumentValue(0, List.class);
        if (filters == null || !(filters.getValue() instanceof List<?> list) || list.size() != 2
                || !(list.get(0) instanceof BeanDefinition cache) || !INTROSPECTOR_CACHE.equals(cache.getBeanClassName())
                || !(list.get(1) instanceof BeanDefinition chain)) {
            return null;
        }
        return chain;
    }
}
