package io.tradergateway.contract;

import java.util.List;

/** A description matched several contracts where exactly one is needed; the candidates tell how to narrow it. */
public class AmbiguousContractException extends RuntimeException {

    private final List<ContractInfo> candidates;

    public AmbiguousContractException(String message, List<ContractInfo> candidates) {
        super(message);
        this.candidates = List.copyOf(candidates);
    }

    public List<ContractInfo> candidates() {
        return candidates;
    }
}
