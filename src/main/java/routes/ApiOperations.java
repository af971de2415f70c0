package routes;

import org.apache.camel.builder.RouteConfigurationBuilder;
import org.springframework.stereotype.Component;

/**
 * The route configuration {@code api-operation}, declared by every route that serves an operation of the REST
 * contract: before the route's first step it binds the caller (the bearer token's subject and tenant) and checks the
 * request against the contract; any failure is answered with an RFC 9457 problem instead of a stack trace.
 */
@Component
public class ApiOperations extends RouteConfigurationBuilder {

    @Override
    public void configuration() {
        routeConfiguration("api-operation")
            .interceptFrom()
                .bean("callers", "bind")
                .bean("requestContract", "check")
            .end()
            .onException(Exception.class)
                .handled(true)
                .process("problemResponder");
    }
}
