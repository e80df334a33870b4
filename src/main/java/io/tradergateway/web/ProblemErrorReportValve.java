package io.tradergateway.web;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;

/**
 * Tomcat's last word, as a ProblemDetail. A request Tomcat cannot parse (a raw {@code [} or control byte in the
 * target, {@code %2F} / {@code %5C} / {@code %00} in the path, a header over the size limit or too many headers,
 * a bad Host or Content-Length, an HTTP version other than 1.0/1.1) never reaches the application: no filter,
 * no controller, no {@code /error} page. Tomcat's host then renders an HTML report with this valve; ours writes
 * the same fixed JSON problem a controller would, and echoes nothing of the request.
 */
public final class ProblemErrorReportValve extends ErrorReportValve {

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        AtomicBoolean ioAllowed = new AtomicBoolean(false);
        response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
        if (!ioAllowed.get()) {
            return; // the connection is gone: nobody would read a report
        }
        try {
            response.setContentType(ProblemResponsesCustomizer.PROBLEM_JSON);
            response.setCharacterEncoding("utf-8");
            PrintWriter writer = response.getReporter();
            if (writer != null) {
                writer.write(body(status));
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException e) {
            // the client went away mid-report; nothing left to tell it
        }
    }

    static String body(int status) {
        String type;
        String title;
        String detail;
        switch (status) {
            case 400 -> {
                type = "malformed-request";
                title = "Bad Request";
                detail = "the request breaks HTTP's syntax and was refused before reaching the API: a character not"
                        + " allowed in the path or query (raw [ ] { } < > ' or control bytes; %2F, %5C or %00 in"
                        + " the path), a header over 8 KB or more than 100 headers, or a bad Host or Content-Length";
            }
            case 505 -> {
                type = "http-version-not-supported";
                title = "HTTP Version Not Supported";
                detail = "this gateway speaks HTTP/1.1 (and 1.0); send the request as HTTP/1.1";
            }
            case 501 -> {
                type = "method-not-implemented";
                title = "Not Implemented";
                detail = "this request method is not served here; the API uses GET, POST, PATCH and DELETE";
            }
            default -> {
                type = status < 500 ? "malformed-request" : "internal-error";
                title = status < 500 ? "Bad Request" : "Server Error";
                detail = status < 500
                        ? "the request was refused before reaching the API"
                        : "the gateway's web server failed to handle this request; the cause is in its log";
            }
        }
        return "{\"type\":\"" + ProblemTypes.of(type) + "\",\"title\":\"" + title + "\",\"status\":" + status
                + ",\"detail\":\"" + detail + "\"}";
    }
}
