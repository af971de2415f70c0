package hub.config;

import org.springframework.context.annotation.Configuration;
import org.springframework.validation.Errors;
import org.springframework.validation.Validator;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Spring MVC without Bean Validation. The hub has no Bean Validation provider: {@code jakarta.validation-api} arrives
 * with swagger-parser only, and requests are checked against the OpenAPI contract instead (hub.contract). The API
 * alone is enough for Spring Boot to give Spring MVC a validator that cannot validate, and Spring MVC then prepares
 * method validation on every handler call, scanning the handler method's annotations for validation groups: 3 % of
 * the CPU of the hub's cheapest API call (docs/performance.md). This validator supports no type, so Spring MVC sets
 * up no method validation and binds nothing to it.
 */
@Configuration(proxyBeanMethods = false)
public class NoMethodValidation implements WebMvcConfigurer {

    static final Validator NONE = new Validator() {
        @Override
        public boolean supports(Class<?> type) {
            return false;
        }

        @Override
        public void validate(Object target, Errors errors) {
            // supports nothing, so never called
        }
    };

    @Override
    public Validator getValidator() {
        return NONE;
    }
}
