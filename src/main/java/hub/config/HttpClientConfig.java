package hub.config;

import org.apache.camel.component.http.HttpClientConfigurer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
public class HttpClientConfig {

    /**
     * Turns off Apache HttpClient's own retries (it retries 429 and 503 once by default): the routes retry the LLM with
     * backoff and Retry-After, and Smart Search fails over, so a hidden second retry layer would only add delay.
     */
    @Bean("noAutomaticRetries")
    HttpClientConfigurer noAutomaticRetries() {
        return builder -> builder.disableAutomaticRetries();
    }
}
