package io.tradergateway.web;

import io.tradergateway.tws.TwsClient;
import jakarta.servlet.DispatcherType;
import org.apache.catalina.Valve;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

@Configuration(proxyBeanMethods = false)
public class WebConfiguration {

    /**
     * First of all filters, so that even a 401 from security carries the header. On the request dispatch only: the
     * later dispatches of a request (async, error) write to the response it has stamped already.
     */
    @Bean
    FilterRegistrationBean<BrokerHeaderFilter> brokerHeaderFilter(TwsClient connection) {
        FilterRegistrationBean<BrokerHeaderFilter> registration =
                new FilterRegistrationBean<>(new BrokerHeaderFilter(connection.mode()));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        registration.setDispatcherTypes(DispatcherType.REQUEST);
        return registration;
    }

    /**
     * Right after the header filter: before Spring Security or MVC parse the path. Also on the container's error
     * dispatch (e.g. its 405 for TRACE), which parses the failed path again.
     */
    @Bean
    FilterRegistrationBean<MalformedPathFilter> malformedPathFilter() {
        FilterRegistrationBean<MalformedPathFilter> registration =
                new FilterRegistrationBean<>(new MalformedPathFilter());
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
        registration.setDispatcherTypes(DispatcherType.REQUEST, DispatcherType.ERROR);
        return registration;
    }

    /**
     * Tomcat's host-level error report (what a client gets for a request too broken to reach the application) as a
     * ProblemDetail instead of an HTML page: Boot's plain ErrorReportValve is swapped for ours, and the host is told
     * to use ours so that it adds no other. Runs after Boot's own customizer (lowest precedence).
     */
    @Bean
    ProblemErrorReports problemErrorReports() {
        return new ProblemErrorReports();
    }

    static final class ProblemErrorReports
            implements WebServerFactoryCustomizer<TomcatServletWebServerFactory>, Ordered {

        @Override
        public void customize(TomcatServletWebServerFactory factory) {
            factory.addContextCustomizers(context -> {
                if (context.getParent() instanceof StandardHost host) {
                    for (Valve valve : host.getPipeline().getValves()) {
                        if (valve instanceof ErrorReportValve && !(valve instanceof ProblemErrorReportValve)) {
                            host.getPipeline().removeValve(valve);
                        }
                    }
                    host.setErrorReportValveClass(ProblemErrorReportValve.class.getName());
                }
            });
        }

        @Override
        public int getOrder() {
            return Ordered.LOWEST_PRECEDENCE;
        }
    }
}
