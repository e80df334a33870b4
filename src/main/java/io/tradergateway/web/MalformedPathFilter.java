package io.tradergateway.web;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;

/**
 * Answers 400 to a path with a broken percent-escape, or an Accept header that is no list of media types, before
 * anything parses them. Tomcat rejects most of these
 * itself, but lets them through inside path parameters ({@code /x;a=1%}), where Spring's path parser then
 * throws and the request would end as a 500 (found by {@code MalformedRequestFuzzTest}). Runs on error
 * dispatches too, because a container-made error (405 for TRACE) is forwarded with the same broken path: a plain
 * filter registered for the request and error dispatches ({@link WebConfiguration}), so it needs no
 * once-per-request bookkeeping (three request-attribute operations on every request).
 */
final class MalformedPathFilter implements Filter {

    private static final Pattern BROKEN_ESCAPE = Pattern.compile("%(?![0-9A-Fa-f]{2})");

    /** Fixed texts: nothing of the rejected request is echoed back. */
    private static final byte[] BROKEN_PATH = body("the request path contains a malformed percent-escape");

    private static final byte[] BROKEN_ACCEPT = body("the Accept header cannot be parsed as media types (e.g."
            + " 'application/json' or 'text/csv;q=0.5'); send a valid one or none");

    @Override
    public void doFilter(ServletRequest servletRequest, ServletResponse servletResponse, FilterChain chain)
            throws ServletException, IOException {
        HttpServletRequest request = (HttpServletRequest) servletRequest;
        HttpServletResponse response = (HttpServletResponse) servletResponse;
        if (broken(request.getRequestURI())
                || broken((String) request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI))) {
            reject(response, BROKEN_PATH);
        } else if (unreadableAccept(request)) {
            reject(response, BROKEN_ACCEPT);
        } else {
            chain.doFilter(request, response);
        }
    }

    private static void reject(HttpServletResponse response, byte[] body) throws IOException {
        response.setStatus(HttpStatus.BAD_REQUEST.value());
        response.setContentType(ProblemResponsesCustomizer.PROBLEM_JSON);
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    /**
     * An Accept header Spring cannot parse ({@code a/b/c}, {@code *}{@code /*;q=abc}) would fail content negotiation
     * twice: once for the answer and once for the problem about it, leaving a 406 or 404 with no body at all.
     */
    private static boolean unreadableAccept(HttpServletRequest request) {
        java.util.Enumeration<String> values = request.getHeaders(HttpHeaders.ACCEPT);
        while (values != null && values.hasMoreElements()) {
            try {
                MediaType.parseMediaTypes(values.nextElement());
            } catch (InvalidMediaTypeException e) {
                return true;
            }
        }
        return false;
    }

    private static byte[] body(String detail) {
        return ("{\"type\":\"" + ProblemTypes.INVALID_PARAMETER + "\",\"title\":\"Bad Request\",\"status\":400,"
                        + "\"detail\":\"" + detail + "\"}")
                .getBytes(StandardCharsets.UTF_8);
    }

    private static boolean broken(String uri) {
        return uri != null
                && uri.indexOf('%') >= 0
                && BROKEN_ESCAPE.matcher(uri).find();
    }
}
