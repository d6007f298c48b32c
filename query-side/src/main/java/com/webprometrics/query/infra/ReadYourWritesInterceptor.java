package com.webprometrics.query.infra;

import com.webprometrics.platform.web.ProblemException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Honours {@code X-Min-Position} on every query: wait until caught up, else 503 with Retry-After; a position beyond
 * the event store's head is a 400.
 */
@Component
class ReadYourWritesInterceptor implements HandlerInterceptor {
    static final String HEADER = "X-Min-Position";
    private final ReadYourWrites readYourWrites;

    ReadYourWritesInterceptor(ReadYourWrites readYourWrites) {
        this.readYourWrites = readYourWrites;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        String header = request.getHeader(HEADER);
        if (header == null || header.isBlank()) {
            return true;
        }
        ReadYourWrites.Wait wait = readYourWrites.await(ReadYourWrites.parse(header));
        if (wait != ReadYourWrites.Wait.REACHED) {
            response.setHeader("Retry-After", "1");
            throw new ProblemException(HttpStatus.SERVICE_UNAVAILABLE, "stale-read", "Not caught up yet",
                    wait == ReadYourWrites.Wait.TOO_MANY_WAITING
                            ? "Too many requests are waiting for the read models already; retry shortly."
                            : "The read models have not reached position " + header.trim() + " yet; retry shortly.");
        }
        return true;
    }
}
