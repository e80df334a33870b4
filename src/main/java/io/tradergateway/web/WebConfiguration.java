package io.tradergateway.web;

import io.tradergateway.tws.TwsClient;
import jakarta.servlet.DispatcherType;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

@Configuration(proxyBeanMethods = false)
public class WebConfiguration {

    /** First of all filters, so that even a 401 from security carries the header. */
    @Bean
    FilterRegistrationBean<BrokerHeaderFilter> brokerHeaderFilter(TwsClient connection) {
        FilterRegistrationBean<BrokerHeaderFilter> registration =
                new FilterRegistrationBean<>(new BrokerHeaderFilter(connection.mode()));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    /** Right after the header filter: before Spring Security or MVC parse the path. */
    @Bean
    FilterRegistrationBean<MalformedPathFilter> malformedPathFilter() {
        FilterRegistrationBean<MalformedPathFilter> registration =
                new FilterRegistrationBean<>(new MalformedPathFilter());
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
        registration.setDispatcherTypes(DispatcherType.REQUEST, DispatcherType.ERROR);
        return registration;
    }
}
