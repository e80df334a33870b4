package bench.bare;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** What a request costs in Spring Boot itself: four constant positions in the gateway's JSON shape. */
@SpringBootApplication
@RestController
public class BareApp {

    record Contract(int conId, String symbol, String secType, String exchange, String currency, String localSymbol,
            String tradingClass, BigDecimal multiplier) {}

    record Position(String accountId, Contract contract, BigDecimal position, BigDecimal averageCost,
            String currency) {}

    record Positions(List<Position> positions, Instant asOf, boolean stale) {}

    private static final List<Position> POSITIONS = List.of(
            position(265598, "AAPL", "100", "150.25"),
            position(272093, "MSFT", "50", "380.1"),
            position(756733, "SPY", "-20", "410.5"),
            position(4391, "AMD", "75", "98.7"));

    private static Position position(int conId, String symbol, String qty, String cost) {
        return new Position("DU1111111",
                new Contract(conId, symbol, "STK", "SMART", "USD", symbol, "NMS", BigDecimal.ONE),
                new BigDecimal(qty), new BigDecimal(cost), "USD");
    }

    @GetMapping("/api/v1/positions")
    Positions positions() {
        return new Positions(POSITIONS, Instant.now(), false);
    }

    public static void main(String[] args) {
        SpringApplication.run(BareApp.class, args);
    }
}
