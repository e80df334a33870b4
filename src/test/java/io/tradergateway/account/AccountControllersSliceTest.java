package io.tradergateway.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.json.JsonMapper;

/**
 * The account and position endpoints over MockMvc, without TWS or the simulator: account codes are parsed at
 * the edge, answers are never cached by clients, and the service's problems leave through the one mapping.
 */
@WebMvcTest({AccountController.class, PositionsController.class})
@AutoConfigureMockMvc(addFilters = false)
class AccountControllersSliceTest {

    private static final Instant AS_OF = Instant.parse("2026-11-26T15:00:00Z");

    @Autowired
    MockMvc mvc;

    @Autowired
    JsonMapper json;

    @MockitoBean
    AccountService accounts;

    @Test
    void positionsOfOneAccountAreServedUncached() throws Exception {
        ContractView aapl = new ContractView(
                265598, "AAPL", "STK", "SMART", "USD", "AAPL", "NMS", BigDecimal.ONE, null, null, null);
        when(accounts.positions(Optional.of(new AccountId("DU1111111"))))
                .thenReturn(new PositionsResponse(
                        List.of(new PositionView(
                                "DU1111111", aapl, new BigDecimal("100"), new BigDecimal("150.25"), "USD")),
                        AS_OF,
                        false,
                        false));
        mvc.perform(get("/api/v1/positions").param("account", "DU1111111"))
                .andExpect(status().isOk())
                .andExpect(header().string("Cache-Control", "no-store"))
                .andExpect(jsonPath("$.positions[0].contract.conId").value(265598))
                .andExpect(jsonPath("$.positions[0].position").value(100))
                .andExpect(jsonPath("$.asOf").value("2026-11-26T15:00:00Z"))
                .andExpect(jsonPath("$.stale").value(false));
    }

    @Test
    void malformedAccountCodeIs400BeforeTheServiceIsAsked() throws Exception {
        mvc.perform(get("/api/v1/positions").param("account", "1-not-an-account"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                .andExpect(jsonPath("$.type").value("urn:trader-gateway:problem:invalid-account-id"));
        mvc.perform(get("/api/v1/accounts/DU_1/summary")).andExpect(status().isBadRequest());
        verifyNoInteractions(accounts);
    }

    @Test
    void accountOfAnotherSessionIs404() throws Exception {
        when(accounts.summary(any())).thenThrow(new UnknownAccountException(new AccountId("DU9999999")));
        mvc.perform(get("/api/v1/accounts/DU9999999/summary"))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.type").value("urn:trader-gateway:problem:unknown-account"))
                .andExpect(jsonPath("$.detail").value("account DU9999999 is not managed by this TWS session"));
    }

    @Test
    void dataNotDownloadedYetIs503WithRetryAfterRoundedUp() throws Exception {
        when(accounts.portfolio(any()))
                .thenThrow(new AccountDataNotSyncedException("portfolio not downloaded", Duration.ofMillis(1200)));
        mvc.perform(get("/api/v1/accounts/DU1111111/portfolio"))
                .andExpect(status().isServiceUnavailable())
                .andExpect(header().string("Retry-After", "2"))
                .andExpect(jsonPath("$.type").value("urn:trader-gateway:problem:account-data-not-synced"))
                .andExpect(jsonPath("$.detail").value("portfolio not downloaded; retry later"));
    }

    @Test
    void positionsCarryAnETagAndAnUnchangedViewIsNotModified() throws Exception {
        PositionsResponse view = new PositionsResponse(List.of(), AS_OF, false, false);
        when(accounts.positions(Optional.empty())).thenReturn(view);
        String body = mvc.perform(get("/api/v1/positions"))
                .andExpect(status().isOk())
                .andExpect(content().contentType("application/json"))
                .andExpect(header().string("Content-Length", String.valueOf(json.writeValueAsBytes(view).length)))
                .andExpect(header().string("ETag", org.hamcrest.Matchers.matchesPattern("\"[0-9a-f]{32}\"")))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(body).isEqualTo(json.writeValueAsString(view));
        String etag =
                mvc.perform(get("/api/v1/positions")).andReturn().getResponse().getHeader("ETag");

        mvc.perform(get("/api/v1/positions").header("If-None-Match", etag))
                .andExpect(status().isNotModified())
                .andExpect(header().string("ETag", etag))
                .andExpect(content().string(""));

        when(accounts.positions(Optional.empty()))
                .thenReturn(new PositionsResponse(List.of(), AS_OF.plusSeconds(1), false, false));
        mvc.perform(get("/api/v1/positions").header("If-None-Match", etag))
                .andExpect(status().isOk())
                .andExpect(header().string("ETag", org.hamcrest.Matchers.not(etag)))
                .andExpect(jsonPath("$.asOf").value("2026-11-26T15:00:01Z"));
    }

    @Test
    void anAcceptThatExcludesJsonIsStill406() throws Exception {
        mvc.perform(get("/api/v1/positions").header("Accept", "text/csv")).andExpect(status().isNotAcceptable());
        verifyNoInteractions(accounts);
    }
}
