package hub.security;

import hub.problem.ProblemException;
import hub.problem.ProblemIOException;
import hub.problem.ServletProblems;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;

/**
 * Per-caller limits on {@code /api/**}, after authentication: the rate limit (429 with Retry-After), the body size
 * (413), checked on Content-Length at once and on the bytes read for a chunked body, and the body's encoding (400
 * unless it is UTF-8). The body is read here, once, and handed on in memory.
 */
class ApiLimitsFilter extends ApiFilter {

    private final ServletProblems problems;
    private final ApiRateLimiter rateLimiter;
    private final long maxBodyBytes;
    private final long maxBatchBodyBytes;
    private final Callers callers;

    ApiLimitsFilter(ServletProblems problems, ApiRateLimiter rateLimiter, Callers callers, long maxBodyBytes,
                    long maxBatchBodyBytes) {
        this.problems = problems;
        this.callers = callers;
        this.rateLimiter = rateLimiter;
        this.maxBodyBytes = maxBodyBytes;
        this.maxBatchBodyBytes = maxBatchBodyBytes;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Caller caller = callers.of(request);
        if (caller != null) {
            long waitMs = rateLimiter.tryTake(caller);
            if (waitMs > 0) {
                long seconds = Math.max(1, (waitMs + 999) / 1000);
                response.setHeader("Retry-After", Long.toString(seconds));
                problems.write(request, response, new ProblemException(429, "rate-limited", "Too many requests",
                        "The request rate limit for this caller is spent; retry after " + seconds + " s."));
                return;
            }
        }
        long limit = request.getRequestURI().startsWith("/api/v1/batches") ? maxBatchBodyBytes : maxBodyBytes;
        if (request.getContentLengthLong() > limit) {
            problems.write(request, response, tooLarge(limit, request.getContentLengthLong()));
            return;
        }
        byte[] body;
        try {
            body = readAtMost(request.getInputStream(), limit);
        } catch (ProblemIOException tooLarge) {
            problems.write(request, response, tooLarge.problem());
            return;
        }
        int malformedAt = firstMalformedUtf8(body);
        if (malformedAt >= 0) {
            problems.write(request, response, new ProblemException(400, "invalid-encoding", "Invalid encoding",
                    "The request body is not valid UTF-8: a malformed byte sequence starts at byte offset "
                            + malformedAt + ".", Map.of("offset", malformedAt)));
            return;
        }
        chain.doFilter(new CachedBody(request, body), response);
    }

    static ProblemException tooLarge(long limit, long actual) {
        return new ProblemException(413, "body-too-large", "Request body too large",
                "The request body has " + (actual < 0 ? "more than " + limit : actual) + " bytes; the limit is "
                        + limit + ".", Map.of("limit", limit));
    }

    /** The whole body, or a {@link ProblemIOException} (413) once more than {@code limit} bytes arrive (chunked). */
    static byte[] readAtMost(InputStream in, long limit) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        long total = 0;
        for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
            total += n;
            if (total > limit) {
                throw new ProblemIOException(tooLarge(limit, -1));
            }
            out.write(buffer, 0, n);
        }
        return out.toByteArray();
    }

    /**
     * The byte offset of the first malformed UTF-8 sequence, or -1. Checked here because the servlet container's
     * decoder fails on one while the request is turned into a Camel message, before any route could answer.
     */
    static int firstMalformedUtf8(byte[] body) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(body);
        CharBuffer out = CharBuffer.allocate(4096);
        while (true) {
            CoderResult result = decoder.decode(in, out, true);
            if (result.isError()) {
                return in.position();
            }
            if (result.isUnderflow()) {
                return -1;
            }
            out.clear();
        }
    }

    /** The request with its body already read (and checked). */
    private static final class CachedBody extends HttpServletRequestWrapper {

        private final byte[] body;

        CachedBody(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] buffer, int off, int len) {
                    return in.read(buffer, off, len);
                }

                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException("the body is already read");
                }
            };
        }

        @Override
        public BufferedReader getReader() {
            return new BufferedReader(new InputStreamReader(getInputStream(), StandardCharsets.UTF_8));
        }

        @Override
        public int getContentLength() {
            return body.length;
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }
    }
}
