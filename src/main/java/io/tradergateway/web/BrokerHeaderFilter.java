package io.tradergateway.web;

import io.tradergateway.tws.BrokerMode;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Stamps every response with {@code X-Broker: tws} or {@code X-Broker: simulator}, so simulated data can
 * never be mistaken for real data, whatever the endpoint or error.
 */
public final class BrokerHeaderFilter extends OncePerRequestFilter {

    public static final String HEADER = "X-Broker";

    private final String value;

    public BrokerHeaderFilter(BrokerMode mode) {
        this.value = mode.label();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        response.setHeader(HEADER, value);
        chain.doFilter(request, response);
    }
}
