package io.tradergateway.web;

import java.net.InetAddress;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * Checks the bind address against the API keys while the context starts: singletons are created before the
 * web server opens its port, so a refused configuration never listens at all.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SecurityProperties.class)
class ExposureConfiguration {

    @Bean
    ExposureGuard exposureGuard(Environment environment, SecurityProperties security) {
        InetAddress bind = Binder.get(environment)
                .bind("server.address", InetAddress.class)
                .orElse(null);
        return new ExposureGuard(bind, security.keysRequired(), security.allowRemoteWithoutApiKey());
    }
}
