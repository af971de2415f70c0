package hub.tracing;

import org.apache.camel.Exchange;
import org.apache.camel.impl.engine.DefaultUnitOfWork;
import org.apache.camel.spi.UnitOfWork;
import org.apache.camel.spi.UnitOfWorkFactory;
import org.springframework.stereotype.Component;

/**
 * Camel takes the single {@link UnitOfWorkFactory} bean of the registry: with MDC logging on
 * ({@code camel.main.use-mdc-logging}) every exchange gets a {@link JobMdcUnitOfWork} instead of Camel's
 * {@code MDCUnitOfWork}; off, Camel's plain unit of work.
 */
@Component
public class JobMdcUnitOfWorkFactory implements UnitOfWorkFactory {

    @Override
    public UnitOfWork createUnitOfWork(Exchange exchange) {
        return Boolean.TRUE.equals(exchange.getContext().isUseMDCLogging())
                ? new JobMdcUnitOfWork(exchange)
                : new DefaultUnitOfWork(exchange);
    }
}
