package io.tradergateway.web;

import io.tradergateway.tws.TwsConnectionManager;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

@Configuration(proxyBeanMethods = false)
public class WebConfiguration {

    /** First of all filters, so that even a 401 from security carries the header. */
    @Bean
    FilterRegistrationBean<BrokerHeaderFilter> brokerHeaderFilter(TwsConnectionManager connection) {
        FilterRegistrationBean<BrokerHeaderFilter> registration =
                new FilterRegistrationBean<>(new BrokerHeaderFilter(connection.mode()));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }
}
