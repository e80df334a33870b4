package io.tradergateway.contract;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.tradergateway.tws.ConnectionState;
import io.tradergateway.tws.TwsRequestException;
import io.tradergateway.tws.TwsUnavailableException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The contract endpoints over MockMvc without TWS, the simulator or the rest of the context: parameters are
 * validated at the edge and every failure leaves through the one problem mapping (filters, which belong to the
 * security tests, are left out).
 */
@WebMvcTest(ContractController.class)
@AutoConfigureMockMvc(addFilters = false)
class ContractControllerSliceTest {

    private static final ContractInfo AAPL = new ContractInfo(
            265598,
            "AAPL",
            "STK",
            "SMART",
            "NASDAQ",
            "USD",
            "AAPL",
            "NMS",
            null,
            null,
            null,
            null,
            "APPLE INC",
            null,
            List.of("SMART"),
            "US/Eastern",
            null,
            null,
            null,
            null,
            "COMMON");

    @Autowired
    MockMvc mvc;

    @MockitoBean
    ContractService contracts;

    @Test
    void findsContractsByDescription() throws Exception {
        when(contracts.lookup(any())).thenReturn(List.of(AAPL));
        mvc.perform(get("/api/v1/contracts").param("symbol", "AAPL"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.contracts[0].conId").value(265598));
    }

    @Test
    void unknownContractIs404ContractNotFound() throws Exception {
        when(contracts.byConId(42)).thenThrow(new ContractNotFoundException("TWS knows no contract for conId 42"));
        mvc.perform(get("/api/v1/contracts/42"))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                .andExpect(jsonPath("$.type").value("urn:trader-gateway:problem:contract-not-found"))
                .andExpect(jsonPath("$.detail").value("TWS knows no contract for conId 42"));
    }

    @Test
    void ambiguousDescriptionIs400WithTheCandidates() throws Exception {
        when(contracts.lookup(any())).thenThrow(new AmbiguousContractException("2 contracts match", List.of(AAPL)));
        mvc.perform(get("/api/v1/contracts").param("symbol", "AAPL"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("urn:trader-gateway:problem:ambiguous-contract"))
                .andExpect(jsonPath("$.candidates[0]").value("265598 AAPL STK SMART USD"));
    }

    @Test
    void invalidParametersAre400NamingTheParameterBeforeAnyLookup() throws Exception {
        mvc.perform(get("/api/v1/contracts/abc"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("urn:trader-gateway:problem:invalid-parameter"))
                .andExpect(jsonPath("$.parameter").value("conId"));
        mvc.perform(get("/api/v1/contracts").param("symbol", "AAPL").param("strike", "-1"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.parameter").value("strike"));
        verifyNoInteractions(contracts);
    }

    @Test
    void twsDownIs503WithRetryAfter() throws Exception {
        when(contracts.byConId(265598))
                .thenThrow(new TwsUnavailableException(
                        "not connected to TWS", ConnectionState.DISCONNECTED, Duration.ofMillis(2500)));
        mvc.perform(get("/api/v1/contracts/265598"))
                .andExpect(status().isServiceUnavailable())
                .andExpect(header().string("Retry-After", "3"))
                .andExpect(jsonPath("$.type").value("urn:trader-gateway:problem:tws-unavailable"))
                .andExpect(jsonPath("$.connectionState").value("DISCONNECTED"));
    }

    @Test
    void twsJudgingTheRequestInvalidIs400AsInHistory() throws Exception {
        when(contracts.byConId(265598))
                .thenThrow(new TwsRequestException(7, 321, "Error validating request.-'bW' : cause - bad exchange"));
        mvc.perform(get("/api/v1/contracts/265598"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("urn:trader-gateway:problem:tws-request-rejected"))
                .andExpect(jsonPath("$.ibCode").value(321));
    }

    @Test
    void twsFailingForAReasonOfItsOwnIs502() throws Exception {
        when(contracts.byConId(265598)).thenThrow(new TwsRequestException(7, 10225, "Bust event occurred"));
        mvc.perform(get("/api/v1/contracts/265598"))
                .andExpect(status().isBadGateway())
                .andExpect(jsonPath("$.type").value("urn:trader-gateway:problem:tws-request-failed"))
                .andExpect(jsonPath("$.detail").value("TWS error 10225: Bust event occurred"))
                .andExpect(jsonPath("$.ibCode").value(10225));
    }
}
