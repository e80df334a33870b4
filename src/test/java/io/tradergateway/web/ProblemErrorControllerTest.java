package io.tradergateway.web;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.RequestDispatcher;
import org.junit.jupiter.api.Test;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/**
 * The container's error page: a ProblemDetail with our types for an error before any byte was sent, and nothing at
 * all for a streamed response whose headers are gone already (an event stream whose client left), where a body could
 * only fail again ("no converter for ProblemDetail with preset Content-Type 'text/event-stream'").
 */
class ProblemErrorControllerTest {

    private final ProblemErrorController controller = new ProblemErrorController();

    @Test
    void anErrorBeforeTheResponseStartedIsAProblem() {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/error");
        request.setAttribute(RequestDispatcher.ERROR_STATUS_CODE, 400);
        request.setAttribute(RequestDispatcher.ERROR_REQUEST_URI, "/api/v1/positions");
        ResponseEntity<ProblemDetail> answer = controller.error(request, new MockHttpServletResponse());
        assertThat(answer.getStatusCode().value()).isEqualTo(400);
        assertThat(answer.getBody().getType().toString()).startsWith("urn:trader-gateway:problem:");
        assertThat(answer.getBody().getInstance()).hasToString("/api/v1/positions");
    }

    @Test
    void anErrorOnACommittedStreamGetsNoBody() {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/error");
        request.setAttribute(RequestDispatcher.ERROR_STATUS_CODE, 500);
        MockHttpServletResponse response = new MockHttpServletResponse();
        response.setContentType("text/event-stream");
        response.setCommitted(true);
        assertThat(controller.error(request, response)).isNull();
    }
}
