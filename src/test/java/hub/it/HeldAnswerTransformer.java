package hub.it;

import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Holds the answers of the stubs that name it until a test releases them ({@link LlmStub#held}), so that a test can
 * look at a job while a call is outstanding for as long as it needs, instead of racing a fixed delay. An answer is
 * never held longer than {@link #MAX_HOLD_SECONDS}, below the hub's LLM timeout, so a test that fails before its
 * release leaves no call hanging.
 */
public final class HeldAnswerTransformer extends StubTransformer {

    static final String NAME = "held-answer";
    static final long MAX_HOLD_SECONDS = 20;
    private static volatile CountDownLatch release = new CountDownLatch(0);
    private static final AtomicInteger waiting = new AtomicInteger();

    /** From now on, answers of the stubs that name this transformer wait for {@link #release()}. */
    static void hold() {
        release = new CountDownLatch(1);
    }

    static void release() {
        release.countDown();
    }

    /** How many answers are being held right now. */
    static int waiting() {
        return waiting.get();
    }

    public HeldAnswerTransformer() {
        super(NAME);
    }

    @Override
    public ResponseDefinition transform(ServeEvent event) {
        waiting.incrementAndGet();
        try {
            release.await(MAX_HOLD_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            waiting.decrementAndGet();
        }
        return event.getResponseDefinition();
    }
}
