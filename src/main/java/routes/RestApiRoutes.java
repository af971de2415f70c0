package routes;

import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.model.rest.RestParamType;
import org.springframework.stereotype.Component;

/**
 * The REST API, bound to the business routes in {@code camel/*.camel.yaml}. Binding is off and no {@code consumes}
 * is declared: the routes read and write JSON themselves, so that every error, a wrong content type included, is an
 * RFC 9457 problem with a precise detail. The request schema lives in {@code openapi/compliance-hub.yaml}.
 */
@Component
public class RestApiRoutes extends RouteBuilder {

    private static final String JSON = "application/json";

    @Override
    public void configure() {
        rest("/api/v1").description("Compliance Hub: article compliance checks")
            .post("/jobs").routeId("rest-submit-job")
                .description("Submit an article for a compliance check; answers 202 with the job's location")
                .produces(JSON)
                .param().name("body").type(RestParamType.body).description("JobSubmission").endParam()
                .responseMessage().code(202).message("Job accepted and queued").endResponseMessage()
                .responseMessage().code(400).message("Malformed or invalid submission").endResponseMessage()
                .responseMessage().code(413).message("Article text above the configured limit").endResponseMessage()
                .responseMessage().code(415).message("Body is not application/json").endResponseMessage()
                .responseMessage().code(422).message("Unknown guideline set").endResponseMessage()
                .to("direct:submit-job")
            .get("/jobs/{id}").routeId("rest-get-job-status")
                .description("The job's status, served from the cache when present")
                .produces(JSON)
                .param().name("id").type(RestParamType.path).description("Job id (UUID)").endParam()
                .responseMessage().code(200).message("Job status").endResponseMessage()
                .responseMessage().code(404).message("Unknown job").endResponseMessage()
                .to("direct:get-job-status")
            .get("/jobs/{id}/result").routeId("rest-get-job-result")
                .description("The compliance report once the job is COMPLETED; 409 before that")
                .produces(JSON)
                .param().name("id").type(RestParamType.path).description("Job id (UUID)").endParam()
                .responseMessage().code(200).message("Compliance report").endResponseMessage()
                .responseMessage().code(404).message("Unknown job").endResponseMessage()
                .responseMessage().code(409).message("Job not completed (yet)").endResponseMessage()
                .to("direct:get-job-result")
            .get("/guideline-sets").routeId("rest-list-guideline-sets")
                .description("The guideline sets this hub can check against")
                .produces(JSON)
                .to("direct:list-guideline-sets")
            .get("/guideline-sets/{id}").routeId("rest-get-guideline-set")
                .description("One guideline set with all its guidelines")
                .produces(JSON)
                .param().name("id").type(RestParamType.path).description("Guideline set id").endParam()
                .responseMessage().code(404).message("Unknown guideline set").endResponseMessage()
                .to("direct:get-guideline-set");
    }
}
