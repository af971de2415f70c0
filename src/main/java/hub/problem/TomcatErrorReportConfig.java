package hub.problem;

import org.apache.catalina.core.StandardHost;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Installs {@link ProblemErrorReportValve}, with the audit log, as the embedded Tomcat host's error report valve
 * (the host finds an instance of its error report valve class in its pipeline and adds no other).
 */
@Configuration(proxyBeanMethods = false)
public class TomcatErrorReportConfig {

    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> problemErrorReports(
            ObjectProvider<ContainerRefusals> refusals) {
        return factory -> factory.addContextCustomizers(context -> {
            if (context.getParent() instanceof StandardHost host) {
                host.setErrorReportValveClass(ProblemErrorReportValve.class.getName());
                host.getPipeline().addValve(new ProblemErrorReportValve((method, status, type, id, ip) ->
                        refusals.ifAvailable(r -> r.refused(method, status, type, id, ip))));
            }
        });
    }
}
