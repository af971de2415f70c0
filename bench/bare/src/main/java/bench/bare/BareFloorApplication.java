package bench.bare;

import org.apache.camel.builder.RouteBuilder;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

/**
 * The bare floors of the load benchmark (issue 25): what Spring Boot 3.5.7 and Camel 4.17 on platform-http serve with
 * nothing of the hub's around them. {@code GET /bench/floor/constant} answers a constant; {@code POST
 * /bench/floor/insert} makes one durable INSERT of the body into {@code bench_floor} (created by the benchmark) through
 * camel-sql and the same PostgreSQL as the hub. No security, servlet filters of the hub, tracing, MDC or meters.
 */
@SpringBootApplication
public class BareFloorApplication {

    public static void main(String[] args) {
        SpringApplication.run(BareFloorApplication.class, args);
    }

    @Bean
    RouteBuilder floors() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("platform-http:/bench/floor/constant").routeId("bare-floor-constant")
                        .setHeader("Content-Type", constant("application/json"))
                        .setBody(constant("{\"status\":\"ok\"}"));
                from("platform-http:/bench/floor/insert?httpMethodRestrict=POST").routeId("bare-floor-insert")
                        .to("sql:INSERT INTO bench_floor (body) VALUES (:#${bodyAs(String)})")
                        .setHeader("Content-Type", constant("application/json"))
                        .setHeader("CamelHttpResponseCode", constant("201"))
                        .setBody(constant("{\"status\":\"stored\"}"));
            }
        };
    }
}
