package io.tradergateway.web;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.net.URI;
import java.net.URISyntaxException;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Errors that never reach a controller (a request the security firewall rejects, a filter's
 * {@code sendError}) are forwarded by the container to {@code /error}. Replacing Boot's error controller
 * makes those ProblemDetails with our stable types too, and never says more than the status.
 */
@Hidden
@RestController
class ProblemErrorController implements ErrorController {

    @RequestMapping("${server.error.path:/error}")
    ResponseEntity<ProblemDetail> error(HttpServletRequest request, HttpServletResponse response) {
        if (response.isCommitted()) {
            // A streamed response (an event stream, a long download) whose client left: its status and headers are
            // gone already, and no body can follow them.
            return null;
        }
        if (!(request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE) instanceof Integer code)) {
            // Not an error dispatch: someone asked for /error itself, which is no resource of the API.
            return ResponseEntity.status(HttpStatus.NOT_FOUND)
                    .body(Problems.problem(
                            HttpStatus.NOT_FOUND, ProblemTypes.NOT_FOUND, "Not Found", "no such resource"));
        }
        HttpStatus status = HttpStatus.resolve(code);
        if (status == null || !status.isError()) {
            status = HttpStatus.INTERNAL_SERVER_ERROR;
        }
        ProblemDetail problem = Problems.problem(
                status,
                Problems.typeFor(status),
                status.getReasonPhrase(),
                status.is4xxClientError()
                        ? "the request was rejected: " + status.getReasonPhrase()
                        : "the gateway failed to handle this request; the cause is in its log");
        problem.setInstance(originalPath(request));
        return ResponseEntity.status(status).body(problem);
    }

    /** The path that failed rather than /error; none when that path is what made the request malformed. */
    private static URI originalPath(HttpServletRequest request) {
        if (request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI) instanceof String path) {
            try {
                return new URI(path);
            } catch (URISyntaxException e) {
                return null;
            }
        }
        return null;
    }
}
