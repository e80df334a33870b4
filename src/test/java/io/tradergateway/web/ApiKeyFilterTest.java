package io.tradergateway.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

class ApiKeyFilterTest {

    @AfterEach
    void clear() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void withKeysOnlyAMatchingKeyAuthenticates() throws Exception {
        ApiKeyFilter filter = new ApiKeyFilter(List.of("k1", "k2"));
        assertThat(authenticationFor(filter, "127.0.0.1", null)).isNull();
        assertThat(authenticationFor(filter, "127.0.0.1", "k3")).isNull();
        assertThat(authenticationFor(filter, "10.0.0.5", "k2").getName()).isEqualTo("api-client");
    }

    @Test
    void withoutKeysALoopbackCallerIsTheLocalOperatorAndARemoteOneStaysAnonymous() throws Exception {
        ApiKeyFilter filter = new ApiKeyFilter(List.of());
        assertThat(authenticationFor(filter, "127.0.0.1", null).getName()).isEqualTo("local-operator");
        assertThat(authenticationFor(filter, "0:0:0:0:0:0:0:1", null).getName()).isEqualTo("local-operator");
        assertThat(authenticationFor(filter, "10.0.0.5", null)).isNull();
        assertThat(authenticationFor(filter, "10.0.0.5", "anything")).isNull();
    }

    private static Authentication authenticationFor(ApiKeyFilter filter, String remote, String key) throws Exception {
        SecurityContextHolder.clearContext();
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/actuator/health");
        request.setRemoteAddr(remote);
        if (key != null) {
            request.addHeader(ApiKeyFilter.HEADER, key);
        }
        filter.doFilter(request, new MockHttpServletResponse(), new MockFilterChain());
        return SecurityContextHolder.getContext().getAuthentication();
    }
}
