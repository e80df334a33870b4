package io.tradergateway.history;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The ETA of a job's remaining TWS requests from IB's pacing rules: the fastest schedule the rules allow,
 * greedily (optimal for sliding windows of equal weight), with requests spread over the job's contracts (the
 * burst rule counts per contract). Bars over {@code appliesUpTo} are not paced: the round trips decide, and the
 * caller compares with the pace observed so far.
 */
final class HistoryJobEta {

    private HistoryJobEta() {}

    static Duration fastest(PacingRules rules, BarSize barSize, int contracts, int requests) {
        if (requests <= 0 || barSize.seconds() > rules.appliesUpTo().toSeconds()) {
            return Duration.ZERO;
        }
        long rate = rules.rateWindow().plus(rules.margin()).toMillis();
        long burst = rules.burstWindow().plus(rules.margin()).toMillis();
        int per = Math.max(1, contracts);
        List<Long> sends = new ArrayList<>(requests);
        for (int i = 0; i < requests; i++) {
            long t = i == 0 ? 0 : sends.get(i - 1);
            if (i >= rules.rateMax()) {
                t = Math.max(t, sends.get(i - rules.rateMax()) + rate);
            }
            // one contract at a time per part, contracts in turn: the same contract recurs every `per` requests
            int sameContractBefore = rules.burstMax() * per;
            if (i >= sameContractBefore) {
                t = Math.max(t, sends.get(i - sameContractBefore) + burst);
            }
            sends.add(t);
        }
        return Duration.ofMillis(sends.get(requests - 1));
    }
}
