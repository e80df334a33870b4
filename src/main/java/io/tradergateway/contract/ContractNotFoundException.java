package io.tradergateway.contract;

/** TWS knows no contract for this description or conId (its error 200). */
public class ContractNotFoundException extends RuntimeException {

    public ContractNotFoundException(String message) {
        super(message);
    }
}
