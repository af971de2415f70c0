package routes;

import org.apache.camel.builder.RouteConfigurationBuilder;
import org.springframework.stereotype.Component;

/**
 * The route configuration {@code api-errors}: API routes that declare it answer any failure with an RFC 9457
 * problem instead of a stack trace.
 */
@Component
public class ApiErrorHandling extends RouteConfigurationBuilder {

    @Override
    public void configuration() {
        routeConfiguration("api-errors")
            .onException(Exception.class)
                .handled(true)
                .process("problemResponder");
    }
}
