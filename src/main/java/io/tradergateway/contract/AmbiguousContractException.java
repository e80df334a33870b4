package io.tradergateway.contract;

import io.tradergateway.web.ProblemException;
import io.tradergateway.web.ProblemTypes;
import java.net.URI;
import java.util.List;
import org.springframework.http.HttpStatus;

/**
 * 400 {@code ambiguous-contract}: a description matched several contracts where exactly one is needed; the
 * candidates (a property of the problem) tell how to narrow it.
 */
public class AmbiguousContractException extends ProblemException {

    static final URI TYPE = ProblemTypes.of("ambiguous-contract");

    private final List<ContractInfo> candidates;

    public AmbiguousContractException(String message, List<ContractInfo> candidates) {
        super(HttpStatus.BAD_REQUEST, TYPE, "Ambiguous contract", message);
        this.candidates = List.copyOf(candidates);
        with(
                "candidates",
                this.candidates.stream()
                        .map(c -> c.conId() + " " + c.symbol() + " " + c.secType() + " " + c.exchange() + " "
                                + c.currency() + (c.expiry() == null ? "" : " " + c.expiry()))
                        .toList());
    }

    public List<ContractInfo> candidates() {
        return candidates;
    }
}
