package hub.tracing;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.transport.ReceiverContext;
import io.micrometer.observation.transport.RequestReplyReceiverContext;
import io.micrometer.observation.transport.RequestReplySenderContext;
import io.micrometer.observation.transport.SenderContext;
import org.apache.camel.Message;
import org.springframework.stereotype.Component;

/**
 * Lets go of the Camel messages a Camel span's observation holds once the span has ended. camel-observation keeps
 * the message a route consumed (and the answer) in the observation's context as its carrier, and through it the
 * whole exchange: for an API call the request's headers, the article and every property. A span outlives its
 * exchange wherever a child span is kept: a job waiting in the in-memory queue holds the span of its send, whose
 * parent is the submission's span, so each waiting job kept its submission's exchange alive (about 10,000 of them in
 * the load benchmark's backlog, docs/performance.md). The carrier is read when the span starts (to extract or inject
 * the trace context), never after it ends.
 */
@Component
public class CamelMessageRelease implements ObservationHandler<Observation.Context> {

    @Override
    public boolean supportsContext(Observation.Context context) {
        return context instanceof ReceiverContext<?> || context instanceof SenderContext<?>;
    }

    @Override
    public void onStop(Observation.Context context) {
        release(context);
    }

    @SuppressWarnings("unchecked")
    static void release(Observation.Context context) {
        if (context instanceof ReceiverContext<?> receiver && receiver.getCarrier() instanceof Message) {
            ((ReceiverContext<Object>) receiver).setCarrier(null);
        }
        if (context instanceof RequestReplyReceiverContext<?, ?> reply && reply.getResponse() instanceof Message) {
            ((RequestReplyReceiverContext<?, Object>) reply).setResponse(null);
        }
        if (context instanceof SenderContext<?> sender && sender.getCarrier() instanceof Message) {
            ((SenderContext<Object>) sender).setCarrier(null);
        }
        if (context instanceof RequestReplySenderContext<?, ?> reply && reply.getResponse() instanceof Message) {
            ((RequestReplySenderContext<?, Object>) reply).setResponse(null);
        }
    }
}
