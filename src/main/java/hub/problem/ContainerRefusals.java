package hub.problem;

/**
 * Told about every request the servlet container refused before any filter ran (the audit log records it; the
 * filters never see such a request).
 */
public interface ContainerRefusals {

    void refused(String method, int status, String problemType, String correlationId, String clientIp);
}
