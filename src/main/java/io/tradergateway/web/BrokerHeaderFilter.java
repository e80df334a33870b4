package io.tradergateway.web;

import io.tradergateway.tws.BrokerMode;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Stamps every response with {@code X-Broker: tws} or {@code X-Broker: simulator}, so simulated data can
 * never be mistaken for real data, whatever the endpoint or error.
 *
 * <p>A plain filter registered for the request dispatch only ({@link WebConfiguration}): the response it stamps
 * is the one later dispatches of the request (async, error) write to, so it needs no once-per-request
 * bookkeeping, which costs three request-attribute operations on every request.
 */
public final class BrokerHeaderFilter implements Filter {

    public static final String HEADER = "X-Broker";

    private final String value;

    public BrokerHeaderFilter(BrokerMode mode) {
        this.value = mode.label();
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        ((HttpServletResponse) response).setHeader(HEADER, value);
        chain.doFilter(request, response);
    }
}
