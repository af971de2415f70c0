package hub.security;

import hub.problem.ProblemException;
import hub.problem.ProblemIOException;
import hub.problem.ServletProblems;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Per-caller limits on {@code /api/**}, after authentication: the rate limit (429 with Retry-After) and the body
 * size (413), checked on Content-Length at once and on the bytes read for a chunked body.
 */
class ApiLimitsFilter extends OncePerRequestFilter {

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
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getRequestURI().startsWith("/api/");
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
        chain.doFilter(new Limited(request, limit), response);
    }

    static ProblemException tooLarge(long limit, long actual) {
        return new ProblemException(413, "body-too-large", "Request body too large",
                "The request body has " + (actual < 0 ? "more than " + limit : actual) + " bytes; the limit is "
                        + limit + ".", Map.of("limit", limit));
    }

    /** Counts the bytes read and fails once they pass the limit. */
    private static final class Limited extends HttpServletRequestWrapper {

        private final long limit;
        private ServletInputStream stream;

        Limited(HttpServletRequest request, long limit) {
            super(request);
            this.limit = limit;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                ServletInputStream in = super.getInputStream();
                stream = new ServletInputStream() {
                    private long read;

                    @Override
                    public int read() throws IOException {
                        int b = in.read();
                        count(b < 0 ? 0 : 1);
                        return b;
                    }

                    @Override
                    public int read(byte[] buffer, int off, int len) throws IOException {
                        int n = in.read(buffer, off, len);
                        count(Math.max(n, 0));
                        return n;
                    }

                    private void count(int n) throws IOException {
                        read += n;
                        if (read > limit) {
                            throw new ProblemIOException(tooLarge(limit, -1));
                        }
                    }

                    @Override
                    public boolean isFinished() {
                        return in.isFinished();
                    }

                    @Override
                    public boolean isReady() {
                        return in.isReady();
                    }

                    @Override
                    public void setReadListener(ReadListener listener) {
                        in.setReadListener(listener);
                    }
                };
            }
            return stream;
        }
    }
}
