package io.tradergateway.sim;

import io.tradergateway.tws.wire.ContractData;
import io.tradergateway.tws.wire.ContractDetails;
import io.tradergateway.tws.wire.ErrorCodes;
import io.tradergateway.tws.wire.ReqContractDetails;
import io.tradergateway.tws.wire.TagValue;
import java.math.BigDecimal;
import java.util.List;

/** Answers reqContractDetails from {@link SimContracts}, as TWS would. */
final class SimContractDesk {

    static final int NO_SECURITY_DEFINITION = ErrorCodes.NO_SECURITY_DEFINITION;
    static final String NO_SECURITY_TEXT = "No security definition has been found for the request";

    private SimContractDesk() {}

    /** The contractData messages for a request; empty means TWS answers error 200. */
    static List<ContractData> answer(ReqContractDetails request) {
        List<SimContract> matches = request.conId() > 0
                ? SimContracts.byConId(request.conId()).stream().toList()
                : SimContracts.matching(
                        request.symbol(),
                        request.secType(),
                        request.exchange(),
                        request.currency(),
                        request.lastTradeDateOrContractMonth(),
                        request.strike(),
                        request.right());
        return matches.stream()
                .map(c -> new ContractData(request.reqId(), details(c)))
                .toList();
    }

    static ContractDetails details(SimContract c) {
        boolean stock = c.secType().equals("STK");
        String hours =
                stock ? "20261126:0400-20261126:2000;20261127:0400-20261127:1300" : "20261126:1700-20261127:1600";
        String liquid = stock ? "20261126:0930-20261126:1600;20261127:0930-20261127:1300" : hours;
        List<TagValue> secIds = stock ? List.of(new TagValue("ISIN", "US" + c.conId())) : List.of();
        return new ContractDetails(
                c.symbol(),
                c.secType(),
                c.lastTradeDateOrContractMonth(),
                c.lastTradeDateOrContractMonth(),
                "",
                c.strike(),
                c.right(),
                c.exchange(),
                c.currency(),
                c.localSymbol(),
                c.tradingClass(),
                c.tradingClass(),
                c.conId(),
                c.minTick(),
                c.multiplier(),
                "ACTIVETIM,LMT,MKT,STP",
                stock ? "SMART,NASDAQ,NYSE,ARCA,BATS,IEX" : c.exchange(),
                1,
                0,
                c.longName(),
                c.primaryExchange(),
                c.lastTradeDateOrContractMonth().length() >= 6
                        ? c.lastTradeDateOrContractMonth().substring(0, 6)
                        : "",
                stock ? "Technology" : "",
                "",
                "",
                c.timeZoneId(),
                hours,
                liquid,
                "",
                0,
                secIds,
                1,
                "",
                "",
                "26",
                "",
                stock ? "COMMON" : "",
                BigDecimal.ONE,
                BigDecimal.ONE,
                BigDecimal.ONE,
                List.of(),
                List.of());
    }
}
