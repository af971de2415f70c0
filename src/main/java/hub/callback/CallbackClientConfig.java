package hub.callback;

import java.util.concurrent.TimeUnit;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.client5.http.io.HttpClientConnectionManager;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The connections of batch callbacks ({@code hub.batch.callback-uri} names this bean as its
 * {@code clientConnectionManager}): their own pool, resolving names through {@link CallbackDnsResolver}, with the
 * system's TLS defaults (certificate and host name checked).
 */
@Configuration(proxyBeanMethods = false)
public class CallbackClientConfig {

    @Bean(destroyMethod = "close")
    HttpClientConnectionManager batchCallbackConnections(CallbackTargets targets,
            @Value("${hub.batch.callbacks.connect-timeout-ms:5000}") long connectTimeoutMs,
            @Value("${hub.batch.callbacks.socket-timeout-ms:30000}") long socketTimeoutMs) {
        return PoolingHttpClientConnectionManagerBuilder.create()
                .setDnsResolver(new CallbackDnsResolver(targets))
                .setDefaultConnectionConfig(ConnectionConfig.custom()
                        .setConnectTimeout(connectTimeoutMs, TimeUnit.MILLISECONDS)
                        .setSocketTimeout((int) socketTimeoutMs, TimeUnit.MILLISECONDS).build())
                .setMaxConnTotal(50).setMaxConnPerRoute(5)
                .build();
    }
}
