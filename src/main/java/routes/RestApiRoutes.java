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
        // Every API route starts knowing its caller (the bearer token's subject and tenant).
        interceptFrom().bean("callers", "bind");

        rest("/api/v1").description("Compliance Hub: article compliance checks")
            .post("/jobs").routeId("rest-submit-job")
                .description("Submit an article for a compliance check; answers 202 with the job's location")
                .produces(JSON)
                .param().name("body").type(RestParamType.body).description("JobSubmission").endParam()
                .responseMessage().code(202).message("Job accepted and queued").endResponseMessage()
                .responseMessage().code(400).message("Malformed or invalid submission").endResponseMessage()
                .responseMessage().code(413).message("Article text above the configured limit").endResponseMessage()
                .responseMessage().code(415).message("Body is not application/json").endResponseMessage()
                .responseMessage().code(422).message("Unknown guideline set, or previousJobId names no job of the caller").endResponseMessage()
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
            .post("/batches").routeId("rest-submit-batch")
                .description("Submit a batch of articles; answers 202 with the batch's location")
                .produces(JSON)
                .param().name("body").type(RestParamType.body).description("BatchSubmission").endParam()
                .responseMessage().code(202).message("Batch accepted (or already stored: duplicate true)").endResponseMessage()
                .responseMessage().code(400).message("Malformed or invalid batch").endResponseMessage()
                .responseMessage().code(413).message("Too many items, or an article above the limit").endResponseMessage()
                .responseMessage().code(415).message("Body is not application/json").endResponseMessage()
                .responseMessage().code(422).message("Unknown guideline set in an item").endResponseMessage()
                .to("direct:accept-batch")
            .get("/batches").routeId("rest-find-batch")
                .description("The batch submitted with this batchId, as GET /batches/{id} serves it")
                .produces(JSON)
                .param().name("batchId").type(RestParamType.query).required(true)
                    .description("The batchId you submitted").endParam()
                .param().name("page").type(RestParamType.query).description("Page, from 0").endParam()
                .param().name("size").type(RestParamType.query).description("Page size, 1 to 100 (20)").endParam()
                .responseMessage().code(400).message("No batchId").endResponseMessage()
                .responseMessage().code(404).message("Unknown batch").endResponseMessage()
                .to("direct:find-batch")
            .get("/batches/{id}").routeId("rest-get-batch")
                .description("Counts per status, progress and one page of job links")
                .produces(JSON)
                .param().name("id").type(RestParamType.path).description("Batch id (UUID)").endParam()
                .param().name("page").type(RestParamType.query).description("Page, from 0").endParam()
                .param().name("size").type(RestParamType.query).description("Page size, 1 to 100 (20)").endParam()
                .responseMessage().code(404).message("Unknown batch").endResponseMessage()
                .to("direct:get-batch")
            .get("/batches/{id}/results").routeId("rest-get-batch-results")
                .description("One page of the batch's jobs with their reports")
                .produces(JSON)
                .param().name("id").type(RestParamType.path).description("Batch id (UUID)").endParam()
                .param().name("page").type(RestParamType.query).description("Page, from 0").endParam()
                .param().name("size").type(RestParamType.query).description("Page size, 1 to 100 (20)").endParam()
                .responseMessage().code(404).message("Unknown batch").endResponseMessage()
                .to("direct:get-batch-results")
            .get("/admin/dead-letters").routeId("rest-list-dead-letters")
                .description("Messages the hub could not process, with the reason, newest first")
                .produces(JSON)
                .param().name("page").type(RestParamType.query).description("Page, from 0").endParam()
                .param().name("size").type(RestParamType.query).description("Page size, 1 to 100 (20)").endParam()
                .to("direct:list-dead-letters")
            .get("/usage").routeId("rest-get-usage")
                .description("What the checks of a period cost and what caching saved: the caller's tenant, or every "
                        + "tenant for a compliance-admin")
                .produces(JSON)
                .param().name("from").type(RestParamType.query).description("Start (inclusive), ISO-8601 instant or date").endParam()
                .param().name("to").type(RestParamType.query).description("End (exclusive), ISO-8601 instant or date").endParam()
                .param().name("tenant").type(RestParamType.query).description("One tenant (compliance-admin)").endParam()
                .responseMessage().code(200).message("Usage totals").endResponseMessage()
                .responseMessage().code(400).message("Bad from or to").endResponseMessage()
                .to("direct:get-usage")
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
