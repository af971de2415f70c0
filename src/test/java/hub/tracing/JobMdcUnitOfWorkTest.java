package hub.tracing;

import static org.assertj.core.api.Assertions.assertThat;

import hub.correlation.CorrelationIdFilter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.spi.UnitOfWorkFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

class JobMdcUnitOfWorkTest {

    private final List<Map<String, String>> seen = new CopyOnWriteArrayList<>();
    private CamelContext camel;
    private ProducerTemplate producer;

    @BeforeEach
    void start() throws Exception {
        camel = new DefaultCamelContext();
        camel.setUseMDCLogging(true);
        camel.getCamelContextExtension().addContextPlugin(UnitOfWorkFactory.class, new JobMdcUnitOfWorkFactory());
        camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:job").routeId("job")
                    .setProperty("jobId", constant("job-1"))
                    .bean(new JobLogContext(), "enter")
                    .process(e -> seen.add(keys("start")))
                    .split(body()).parallelProcessing()
                        .process(e -> seen.add(keys("item")))
                    .end()
                    .threads(1)
                    .process(e -> seen.add(keys("after-threads")))
                    .to("direct:sub")
                    .process(e -> seen.add(keys("back")));
                from("direct:sync-job").routeId("sync-job")
                    .setProperty("jobId", constant("job-2"))
                    .bean(new JobLogContext(), "enter")
                    .process(e -> seen.add(keys("sync")));
                from("direct:sub").routeId("sub")
                    .process(e -> seen.add(keys("sub")));
            }
        });
        camel.start();
        producer = camel.createProducerTemplate();
    }

    @AfterEach
    void stop() {
        camel.stop();
        MDC.clear();
    }

    @Test
    void everyStepOfAJobLogsItsJobAndCorrelationIdsOnEveryThread() {
        producer.sendBodyAndHeader("direct:job", List.of("a", "b", "c"), CorrelationIdFilter.HEADER, "corr-9");

        assertThat(seen).hasSize(7);
        assertThat(seen).allSatisfy(keys -> {
            assertThat(keys).containsEntry(JobLogContext.JOB_ID, "job-1");
            assertThat(keys).containsEntry(CorrelationIdFilter.MDC_KEY, "corr-9");
            assertThat(keys.get(JobMdcUnitOfWork.EXCHANGE_ID)).isNotBlank();
        });
        assertThat(seen).filteredOn(keys -> keys.get("step").equals("after-threads"))
                .singleElement()
                .satisfies(keys -> assertThat(keys.get("thread")).isNotEqualTo(Thread.currentThread().getName()))
                .satisfies(keys -> assertThat(keys).containsEntry(JobMdcUnitOfWork.ROUTE_ID, "job"));
        assertThat(seen).filteredOn(keys -> keys.get("step").equals("sub")).singleElement()
                .satisfies(keys -> assertThat(keys).containsEntry(JobMdcUnitOfWork.ROUTE_ID, "sub"));
        assertThat(seen).filteredOn(keys -> keys.get("step").equals("back")).singleElement()
                .satisfies(keys -> assertThat(keys).containsEntry(JobMdcUnitOfWork.ROUTE_ID, "job"));
    }

    @Test
    void theCallingThreadGetsItsOwnKeysBackAndNoJobId() {
        MDC.put(CorrelationIdFilter.MDC_KEY, "request-1");

        producer.sendBody("direct:sub", "x");

        assertThat(seen).singleElement()
                .satisfies(keys -> assertThat(keys).containsEntry(CorrelationIdFilter.MDC_KEY, "request-1"));
        assertThat(MDC.get(CorrelationIdFilter.MDC_KEY)).isEqualTo("request-1");
        assertThat(MDC.get(JobLogContext.JOB_ID)).isNull();
        assertThat(MDC.get(JobMdcUnitOfWork.ROUTE_ID)).isNull();
        assertThat(MDC.get(JobMdcUnitOfWork.EXCHANGE_ID)).isNull();
    }

    @Test
    void aJobDoneOnItsOwnThreadLeavesNothingThere() {
        producer.sendBody("direct:sync-job", "x");

        assertThat(seen).singleElement().satisfies(keys -> assertThat(keys).containsEntry(JobLogContext.JOB_ID, "job-2"));

        assertThat(MDC.getCopyOfContextMap()).doesNotContainKeys(JobLogContext.JOB_ID, JobMdcUnitOfWork.ROUTE_ID,
                JobMdcUnitOfWork.EXCHANGE_ID);
    }

    private static Map<String, String> keys(String step) {
        Map<String, String> keys = new java.util.HashMap<>(MDC.getCopyOfContextMap());
        keys.put("step", step);
        keys.put("thread", Thread.currentThread().getName());
        return keys;
    }
}
