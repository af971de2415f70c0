package hub.audit;

import com.azure.storage.blob.BlobServiceClient;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.nio.file.Path;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The audit log: append blobs in {@code hub.audit.container} on Azure Blob, local files when embedded. */
@Configuration(proxyBeanMethods = false)
public class AuditConfig {

    @Bean(destroyMethod = "close")
    AuditLog auditLog(ObjectProvider<BlobServiceClient> blobs, ObjectMapper mapper,
                      @Value("${hub.blob.kind}") String kind,
                      @Value("${hub.audit.container:audit-logs}") String container,
                      @Value("${hub.audit.dir:${hub.data-dir}/audit-logs}") String dir,
                      @Value("${hub.instance-id}") String instance,
                      @Value("${hub.audit.buffer-capacity:100000}") int capacity,
                      @Value("${hub.audit.retry-ms:2000}") long retryMs) {
        AuditStore store = "azure".equals(kind)
                ? new AuditAppendBlobs(blobs.getObject(), container, instance)
                : new LocalAuditFiles(Path.of(dir));
        return new AuditLog(store, mapper, capacity, retryMs);
    }

    /**
     * {@code compliance_audit_records_waiting}: records buffered and not yet in the audit store (a few while calls come
     * in, growing while the store refuses appends); {@code compliance_audit_records_dropped_total}: records lost
     * because the buffer was full (alert {@code AuditRecordsDropped}).
     */
    @Bean
    MeterBinder auditLogMeters(AuditLog auditLog) {
        return registry -> {
            Gauge.builder("compliance_audit_records_waiting", auditLog, AuditLog::waiting)
                    .description("Audit records buffered on this instance, not yet appended to the audit store")
                    .register(registry);
            FunctionCounter.builder("compliance_audit_records_dropped", auditLog, AuditLog::dropped)
                    .description("Audit records this instance dropped because its buffer was full")
                    .register(registry);
        };
    }
}
