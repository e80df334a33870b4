package io.tradergateway.web;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.web.servlet.HandlerExceptionResolver;

/**
 * API-key security: when {@code gateway.security.api-keys} is set, {@code /api/**} and {@code /sim/**} need
 * one of those keys in {@code X-API-Key}; probes, metrics and the API docs stay open. Stateless: no session,
 * no cookies, so no CSRF surface. A rejected request gets the same ProblemDetail as any other error.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SecurityProperties.class)
public class SecurityConfiguration {

    @Bean
    SecurityFilterChain apiSecurity(
            HttpSecurity http,
            SecurityProperties properties,
            @Qualifier("handlerExceptionResolver") HandlerExceptionResolver resolver)
            throws Exception {
        http.csrf(AbstractHttpConfigurer::disable)
                .httpBasic(AbstractHttpConfigurer::disable)
                .formLogin(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable)
                .requestCache(AbstractHttpConfigurer::disable)
                // Stateless without the session machinery: no session is ever made, so its two filters (session
                // management, URL-encoding guard) would only cost every request; the authentication lives in the
                // request (ApiKeyFilter), which is also where the context is looked for.
                .sessionManagement(AbstractHttpConfigurer::disable)
                .securityContext(c -> c.securityContextRepository(new RequestAttributeSecurityContextRepository()))
                .addFilterBefore(new ApiKeyFilter(properties.apiKeys()), AnonymousAuthenticationFilter.class)
                .exceptionHandling(e -> e.authenticationEntryPoint((request, response, cause) -> {
                    String detail = request.getHeader(ApiKeyFilter.HEADER) == null
                            ? "this endpoint needs an API key in the " + ApiKeyFilter.HEADER + " header"
                            : "the API key in " + ApiKeyFilter.HEADER + " is not accepted";
                    resolver.resolveException(request, response, null, new ApiKeyRejectedException(detail));
                }))
                .authorizeHttpRequests(auth -> {
                    if (properties.keysRequired()) {
                        auth.requestMatchers("/api/**", "/sim/**").authenticated();
                    }
                    auth.anyRequest().permitAll();
                });
        return http.build();
    }
}
