package io.tradergateway.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Answers 400 to a path with a broken percent-escape before anything parses it. Tomcat rejects most of these
 * itself, but lets them through inside path parameters ({@code /x;a=1%}), where Spring's path parser then
 * throws and the request would end as a 500 (found by {@code MalformedRequestFuzzTest}). Runs on error
 * dispatches too, because a container-made error (405 for TRACE) is forwarded with the same broken path.
 */
final class MalformedPathFilter extends OncePerRequestFilter {

    private static final Pattern BROKEN_ESCAPE = Pattern.compile("%(?![0-9A-Fa-f]{2})");

    /** Fixed text: nothing of the rejected request is echoed back. */
    private static final byte[] BODY = ("{\"type\":\"" + ProblemTypes.INVALID_PARAMETER
                    + "\",\"title\":\"Bad Request\",\"status\":400,"
                    + "\"detail\":\"the request path contains a malformed percent-escape\"}")
            .getBytes(StandardCharsets.UTF_8);

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (broken(request.getRequestURI())
                || broken((String) request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI))) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            response.setContentType(ProblemResponsesCustomizer.PROBLEM_JSON);
            response.setContentLength(BODY.length);
            response.getOutputStream().write(BODY);
            return;
        }
        chain.doFilter(request, response);
    }

    /** Also on the container's error dispatch (e.g. its 405 for TRACE), which parses the failed path again. */
    @Override
    protected boolean shouldNotFilterErrorDispatch() {
        return false;
    }

    private static boolean broken(String uri) {
        return uri != null && BROKEN_ESCAPE.matcher(uri).find();
    }
}
