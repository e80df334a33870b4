package io.tradergateway.config;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.tradergateway.sim.TwsSimulator;
import io.tradergateway.tws.IbCode;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Duration;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Simulator mode only: make the embedded TWS misbehave on purpose, so people can see how their own programs
 * (and this gateway) react. In tws mode these paths answer 404, as any path without an endpoint: the controller is
 * registered in both modes (one AOT-processed context for both, README "Start-up"), and answers only when the
 * simulator runs.
 */
@RestController
@RequestMapping(path = "/sim", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Simulator faults", description = "Simulator mode only: inject TWS failures")
class SimulatorControlController {

    private final ObjectProvider<TwsSimulator> running;

    SimulatorControlController(ObjectProvider<TwsSimulator> running) {
        this.running = running;
    }

    /**
     * Runs before the operation's parameters are read and validated: in tws mode every /sim request is a 404, the
     * same answer as for a path no endpoint serves.
     */
    @ModelAttribute
    void simulatorMustRun(HttpServletRequest request) throws NoResourceFoundException {
        if (running.getIfAvailable() == null) {
            throw new NoResourceFoundException(
                    HttpMethod.valueOf(request.getMethod()), request.getRequestURI(), request.getRequestURI());
        }
    }

    private TwsSimulator simulator() {
        return running.getObject();
    }

    @PostMapping("/disconnect")
    @Operation(summary = "Drop every TWS connection now, as a TWS restart would")
    Map<String, Object> disconnect() {
        simulator().dropAllClients();
        return Map.of("fault", "disconnect");
    }

    @PostMapping("/refuse")
    @Operation(summary = "Close new TWS connections right after accept for N seconds")
    Map<String, Object> refuse(
            @Parameter(description = "how long, 0..3600 s (0 ends it)", example = "30") @RequestParam @Min(0) @Max(3600)
                    int seconds) {
        simulator().refuseConnections(Duration.ofSeconds(seconds));
        return Map.of("fault", "refuse", "seconds", seconds);
    }

    @PostMapping("/blackhole")
    @Operation(summary = "Keep sockets open but answer nothing for N seconds")
    Map<String, Object> blackhole(
            @Parameter(description = "how long, 0..3600 s (0 ends it)", example = "30") @RequestParam @Min(0) @Max(3600)
                    int seconds) {
        simulator().blackhole(Duration.ofSeconds(seconds));
        return Map.of("fault", "blackhole", "seconds", seconds);
    }

    @PostMapping("/delay")
    @Operation(summary = "Delay every TWS answer by D milliseconds (0 clears it)")
    Map<String, Object> delay(
            @Parameter(description = "delay, 0..60000 ms", example = "500") @RequestParam @Min(0) @Max(60_000)
                    int millis) {
        simulator().delayAnswers(Duration.ofMillis(millis));
        return Map.of("fault", "delay", "millis", millis);
    }

    @PostMapping("/error")
    @Operation(
            summary = "Send IB error code C (to request R, or -1 for a connection notice) to every client",
            description = "e.g. 1100 (connectivity lost), 1102 (restored), 2103 (farm broken), 162 with a reqId")
    Map<String, Object> error(
            @Parameter(description = "IB error code, 1..99999", example = "1100") @RequestParam @Min(1) @Max(99_999)
                    int code,
            @Parameter(description = "request id, -1 = connection notice", example = "-1")
                    @RequestParam(defaultValue = "-1")
                    @Min(-1)
                    int reqId) {
        simulator().sendError(reqId, code, "Simulated: " + IbCode.lookup(code).meaning());
        return Map.of("fault", "error", "code", code, "reqId", reqId);
    }

    @PostMapping("/connectivity-loss")
    @Operation(summary = "Send 1100 now, then 1101 (data lost) or 1102 (data maintained) after D ms")
    Map<String, Object> connectivityLoss(
            @Parameter(description = "1101 or 1102", example = "1102")
                    @RequestParam(defaultValue = "1102")
                    @Min(1101)
                    @Max(1102)
                    int restore,
            @Parameter(description = "delay before the restore, 0..600000 ms", example = "5000")
                    @RequestParam(defaultValue = "5000")
                    @Min(0)
                    @Max(600_000)
                    int afterMillis) {
        simulator().connectivityLoss(restore, Duration.ofMillis(afterMillis));
        return Map.of("fault", "connectivity-loss", "restore", restore, "afterMillis", afterMillis);
    }

    @PostMapping("/claim-client-id")
    @Operation(summary = "Pretend another application holds client id C: connecting with it gets 326")
    Map<String, Object> claimClientId(
            @Parameter(description = "client id", example = "17") @RequestParam @Min(0) int clientId) {
        simulator().claimClientId(clientId);
        return Map.of("fault", "claim-client-id", "clientId", clientId);
    }

    @GetMapping("/stats")
    @Operation(summary = "What the simulator saw: requests received, pacing and message-rate violations")
    Map<String, Object> stats() {
        return Map.of(
                "requestsReceived", simulator().received().size(),
                "pacingViolations", simulator().pacingViolations(),
                "rateViolations", simulator().rateViolations(),
                "connectedClientIds", simulator().connectedClientIds());
    }

    @PostMapping("/clear")
    @Operation(summary = "End every injected fault")
    Map<String, Object> clear() {
        simulator().clearFaults();
        return Map.of("fault", "none");
    }
}
