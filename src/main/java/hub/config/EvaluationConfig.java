package hub.config;

import org.apache.camel.AggregationStrategy;
import org.apache.camel.processor.aggregate.GroupedBodyAggregationStrategy;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Beans the guideline evaluation route ({@code evaluate-guidelines.camel.yaml}) refers to by name. Its thread pool
 * is the Camel thread pool profile {@code guidelineEvaluation} in application.yaml, not a Spring bean: an
 * {@code Executor} bean would switch off Spring Boot's task executor, which platform-http needs.
 */
@Configuration(proxyBeanMethods = false)
public class EvaluationConfig {

    /** Gathers the per-guideline results of the split into one list. */
    @Bean("guidelineResults")
    AggregationStrategy guidelineResults() {
        return new GroupedBodyAggregationStrategy();
    }
}
