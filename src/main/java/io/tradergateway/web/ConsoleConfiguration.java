package io.tradergateway.web;

import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The operator console: static files under {@code classpath:/static/console/} (HTML, CSS, ES modules), the chart
 * library from its WebJar. It reads the same public API as any client and adds no endpoint of its own; only its
 * URL ({@code /console/}) and the Content-Security-Policy it is served with are set up here. The files are
 * open to anyone (like Swagger UI); the data calls they make need the API key when keys are configured.
 */
@Configuration(proxyBeanMethods = false)
class ConsoleConfiguration implements WebMvcConfigurer {

    static final String PATH = "/console/";

    /**
     * Everything the page loads comes from the gateway itself: no inline script or style, no CDN, no framing.
     * Set on the console's paths only, because Swagger UI (also served here) relies on inline styles.
     */
    static final String POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self';"
            + " connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    @Override
    public void addViewControllers(ViewControllerRegistry registry) {
        registry.addRedirectViewController("/console", PATH);
        registry.addViewController(PATH).setViewName("forward:" + PATH + "index.html");
    }

    /**
     * A servlet filter mapped to the console's paths only, setting the header before anything is written: no
     * other request pays for it (a header writer deciding per response at commit time also ran on the history
     * stream threads and disturbed their timing).
     */
    @Bean
    FilterRegistrationBean<Filter> consoleContentSecurityPolicy() {
        FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>((request, response, chain) -> {
            ((HttpServletResponse) response).setHeader("Content-Security-Policy", POLICY);
            chain.doFilter(request, response);
        });
        registration.addUrlPatterns(PATH + "*");
        return registration;
    }
}
