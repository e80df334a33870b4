package io.tradergateway.status;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.tradergateway.tws.TwsClient;
import io.tradergateway.tws.TwsRequest;
import io.tradergateway.tws.wire.CurrentTime;
import io.tradergateway.tws.wire.ReqCurrentTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletionException;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** A real round trip to TWS: is it answering, how far is its clock from ours, how long does it take. */
@RestController
@Tag(name = "Status")
class TwsTimeController {

    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private final TwsClient connection;
    private final Clock clock;

    TwsTimeController(TwsClient connection, Clock clock) {
        this.connection = connection;
        this.clock = clock;
    }

    /**
     * @param twsTime TWS's clock (second precision)
     * @param roundTripMillis time from sending reqCurrentTime to the answer
     */
    record TwsTime(Instant twsTime, Instant gatewayTime, long roundTripMillis) {}

    @GetMapping(path = "/api/v1/tws/time", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Ask TWS for its time (reqCurrentTime): a live round trip through the connection")
    TwsTime time() {
        Instant sent = clock.instant();
        try {
            CurrentTime answer = connection
                    .request(TwsRequest.answeredBy("currentTime", new ReqCurrentTime(), CurrentTime.class, TIMEOUT))
                    .join();
            Instant now = clock.instant();
            return new TwsTime(
                    Instant.ofEpochSecond(answer.epochSeconds()),
                    now,
                    Duration.between(sent, now).toMillis());
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }
}
