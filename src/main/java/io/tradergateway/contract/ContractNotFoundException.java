package io.tradergateway.contract;

import io.tradergateway.tws.TwsProblem;
import io.tradergateway.tws.TwsRequestException;
import io.tradergateway.web.ProblemException;
import io.tradergateway.web.ProblemTypes;
import io.tradergateway.web.Problems;
import java.net.URI;

/** 404 {@code contract-not-found}: TWS knows no contract for this description or conId (its error 200). */
public class ContractNotFoundException extends ProblemException {

    static final URI TYPE = ProblemTypes.of("contract-not-found");

    public ContractNotFoundException(String message) {
        super(Problems.statusOf(TwsProblem.CONTRACT_NOT_FOUND), TYPE, "Contract not found", message);
    }

    /** TWS's error 200 ({@code TwsProblem.CONTRACT_NOT_FOUND}) as the client sees it. */
    public static ContractNotFoundException from(TwsRequestException e) {
        return new ContractNotFoundException(
                "TWS knows no such contract: TWS error " + e.code() + ": " + e.getMessage());
    }
}
