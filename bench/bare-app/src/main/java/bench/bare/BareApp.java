package bench.bare;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * What a request costs in Spring Boot itself: the simulator's ten positions, in the gateway's JSON shape, from a
 * {@code @GetMapping}. Same body bytes as the gateway's {@code GET /api/v1/positions} in simulator mode (only
 * {@code asOf} differs), so the comparison measures what a request goes through, not how much data it carries.
 */
@SpringBootApplication
@RestController
public class BareApp {

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Contract(int conId, String symbol, String secType, String exchange, String currency, String localSymbol,
            String tradingClass, BigDecimal multiplier, String expiry, BigDecimal strike, String right) {}

    record Position(String accountId, Contract contract, BigDecimal position, BigDecimal averageCost,
            String currency) {}

    record Positions(List<Position> positions, Instant asOf, boolean stale, boolean resyncing) {}

    private static final List<Position> POSITIONS = List.of(
            stock("DU1111111", 265598, "AAPL", "STK", "SMART", "AAPL", "NMS", "1", "100", "150.25"),
            stock("DU1111111", 272093, "MSFT", "STK", "SMART", "MSFT", "NMS", "1", "50", "380.1"),
            stock("DU1111111", 756733, "SPY", "STK", "SMART", "SPY", "SPY", "1", "20", "520.4"),
            position("DU1111111", new Contract(900000001, "ES", "FUT", "CME", "USD", "ESZ6", "ES",
                    new BigDecimal("50"), "20261218", null, null), "2", "277512.5"),
            position("DU1111111", new Contract(900000002, "AAPL", "OPT", "SMART", "USD", "AAPL  261218C00200000",
                    "AAPL", new BigDecimal("100"), "20261218", new BigDecimal("200.0"), "C"), "5", "1020.0"),
            stock("DU1111111", 12087792, "EUR", "CASH", "IDEALPRO", "EUR.USD", "EUR.USD", "1", "25000", "1.0712"),
            stock("DU2222222", 272093, "MSFT", "STK", "SMART", "MSFT", "NMS", "1", "-30", "415.5"),
            stock("DU2222222", 756733, "SPY", "STK", "SMART", "SPY", "SPY", "1", "100", "545.1"),
            stock("DU2222222", 12087792, "EUR", "CASH", "IDEALPRO", "EUR.USD", "EUR.USD", "1", "-10000", "1.095"),
            stock("DU2222222", 265598, "AAPL", "STK", "SMART", "AAPL", "NMS", "1", "40", "172.3"));

    private static Position stock(String account, int conId, String symbol, String secType, String exchange,
            String localSymbol, String tradingClass, String multiplier, String qty, String cost) {
        return position(account, new Contract(conId, symbol, secType, exchange, "USD", localSymbol, tradingClass,
                new BigDecimal(multiplier), null, null, null), qty, cost);
    }

    private static Position position(String account, Contract contract, String qty, String cost) {
        return new Position(account, contract, new BigDecimal(qty), new BigDecimal(cost), "USD");
    }

    @GetMapping("/api/v1/positions")
    Positions positions() {
        return new Positions(POSITIONS, Instant.now(), false, false);
    }

    public static void main(String[] args) {
        SpringApplication.run(BareApp.class, args);
    }
}
