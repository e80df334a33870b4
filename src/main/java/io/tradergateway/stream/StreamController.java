package io.tradergateway.stream;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.tradergateway.marketdata.MarketDataProblemExamples;
import io.tradergateway.web.InvalidParameterException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executor;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Stream", description = "Live events over Server-Sent Events")
class StreamController {

    private final StreamHub hub;
    private final Executor writers;
    private final Clock clock;

    StreamController(StreamHub hub, @Qualifier("streamWriters") Executor writers, Clock clock) {
        this.hub = hub;
        this.writers = writers;
        this.clock = clock;
    }

    @GetMapping(path = "/api/v1/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    @Operation(
            summary = "Follow quotes, positions, portfolio, PnL, status, orders and executions as Server-Sent Events",
            description = "text/event-stream: one event type per topic kind (quote, positions, portfolio, pnl, status,"
                    + " order, execution), plus reset and end. orders starts with {\"orders\": [...]} (as GET"
                    + " /api/v1/orders), then one order event per state change; executions starts with"
                    + " {\"executions\": [...]} (as GET /api/v1/executions), then one execution event per fill and"
                    + " per commission report joined to it. Every event has an id and JSON data {\"topic\", \"snapshot\", \"data\"};"
                    + " every topic starts with a snapshot event. Reconnect with Last-Event-ID to get what was missed"
                    + " (or a reset event and fresh snapshots when the gap is too old). Heartbeat comments keep idle"
                    + " streams open. Quotes are conflated per client; a client that falls too far behind gets an end"
                    + " event (reason slow-client) and is disconnected. 429 too-many-streams / too-many-topics.",
            responses =
                    @ApiResponse(
                            responseCode = "200",
                            description = "the event stream",
                            content =
                                    @Content(
                                            mediaType = MediaType.TEXT_EVENT_STREAM_VALUE,
                                            schema =
                                                    @Schema(
                                                            type = "string",
                                                            example =
                                                                    "id: 42\nevent: quote\ndata: {\"topic\":\"quotes:265598\","
                                                                            + "\"snapshot\":false,\"data\":{\"conId\":265598,\"bid\":189.5}}\n\n"
                                                                            + "id: 43\nevent: order\ndata: {\"topic\":\"orders\","
                                                                            + "\"snapshot\":false,\"data\":{\"id\":1001,\"status\":\"Filled\","
                                                                            + "\"filled\":10,\"remaining\":0,\"avgFillPrice\":190.21}}\n\n"
                                                                            + "id: 44\nevent: execution\ndata: {\"topic\":\"executions\","
                                                                            + "\"snapshot\":false,\"data\":{\"execId\":\"0000e0d5.6566d8f7.01.01\","
                                                                            + "\"orderId\":1001,\"shares\":10,\"price\":190.21,\"commission\":1.0}}\n\n"))))
    @ApiResponse(
            responseCode = "400",
            description = "no topic, an unknown topic, or pnl of an account this TWS session does not manage"
                    + " (invalid-parameter naming topics)",
            content =
                    @Content(
                            mediaType = MarketDataProblemExamples.PROBLEM_JSON,
                            schema = @Schema(ref = MarketDataProblemExamples.PROBLEM_SCHEMA),
                            examples = {
                                @ExampleObject(
                                        name = "unknown-topic",
                                        value = "{\"type\":\"urn:trader-gateway:problem:invalid-parameter\","
                                                + "\"title\":\"Invalid parameter\",\"status\":400,\"detail\":\"unknown"
                                                + " topic 'trades'; topics are " + Topic.FORMS
                                                + "\",\"parameter\":\"topics\"}"),
                                @ExampleObject(
                                        name = "account-not-managed",
                                        value = "{\"type\":\"urn:trader-gateway:problem:invalid-parameter\","
                                                + "\"title\":\"Invalid parameter\",\"status\":400,\"detail\":\"pnl:"
                                                + " account DU9999999 is not managed by this TWS session\","
                                                + "\"parameter\":\"topics\"}")
                            }))
    @ApiResponse(
            responseCode = "429",
            description = "a limit: open streams per API key (too-many-streams, Retry-After), topics per stream"
                    + " (too-many-topics) or market-data lines for a new quote topic (market-data-lines-exhausted);"
                    + " `limit` names the configured value. A contract without market-data permission is no 403"
                    + " here: its topic's events carry {\"problem\": ...} (market-data-not-subscribed)",
            content =
                    @Content(
                            mediaType = MarketDataProblemExamples.PROBLEM_JSON,
                            schema = @Schema(ref = MarketDataProblemExamples.PROBLEM_SCHEMA),
                            examples = {
                                @ExampleObject(
                                        name = "too-many-streams",
                                        value = "{\"type\":\"urn:trader-gateway:problem:too-many-streams\","
                                                + "\"title\":\"Too many streams\",\"status\":429,\"detail\":\"This API key"
                                                + " already holds 20 open streams (gateway.stream.max-streams-per-key);"
                                                + " close one, or follow more topics on one stream\",\"limit\":20}"),
                                @ExampleObject(
                                        name = "too-many-topics",
                                        value = "{\"type\":\"urn:trader-gateway:problem:too-many-topics\","
                                                + "\"title\":\"Too many topics\",\"status\":429,\"detail\":\"60 topics"
                                                + " asked for; one stream follows at most 50"
                                                + " (gateway.stream.max-topics-per-stream)\",\"limit\":50}"),
                                @ExampleObject(
                                        name = "market-data-lines-exhausted",
                                        value = MarketDataProblemExamples.LINES_EXHAUSTED)
                            }))
    @ApiResponse(
            responseCode = "503",
            description = "a quote topic's contract is not known yet and TWS is not connected to look it up")
    void stream(
            @Parameter(
                            description = "comma-separated topics: " + Topic.FORMS,
                            example = "quotes:265598,positions,status,orders,executions",
                            schema = @Schema(pattern = "^[A-Za-z0-9:,]{1,4000}$"))
                    @RequestParam
                    String topics,
            @Parameter(
                            description = "the id of the last event received, to resume after a reconnect",
                            example = "42",
                            schema = @Schema(pattern = "^[0-9]{1,19}$"))
                    @RequestHeader(name = "Last-Event-ID", required = false)
                    String lastEventId,
            @Parameter(hidden = true) @RequestHeader(name = "X-API-Key", required = false) String apiKey,
            HttpServletRequest request,
            HttpServletResponse response)
            throws IOException {
        ClientStream client = hub.open(owner(apiKey), parse(topics), parseLastEventId(lastEventId));
        try {
            SseResponse.start(request, response, client, writers, clock, () -> hub.closed(client));
        } catch (IOException | RuntimeException e) {
            client.end(null, true);
            hub.closed(client);
            throw e;
        }
    }

    private static List<Topic> parse(String topics) {
        Set<String> seen = new LinkedHashSet<>();
        List<Topic> parsed = new ArrayList<>();
        for (String part : topics.split(",")) {
            if (!part.isBlank()) {
                Topic topic = Topic.parse(part);
                if (seen.add(topic.key())) {
                    parsed.add(topic);
                }
            }
        }
        if (parsed.isEmpty()) {
            throw new InvalidParameterException("topics", "give at least one topic: " + Topic.FORMS);
        }
        return parsed;
    }

    /** An id this run never gave (garbage, negative) resumes nothing: the client gets a reset. */
    private static Long parseLastEventId(String header) {
        if (header == null || header.isBlank()) {
            return null;
        }
        try {
            long id = Long.parseLong(header.trim());
            return id < 0 ? Long.MAX_VALUE : id;
        } catch (NumberFormatException e) {
            return Long.MAX_VALUE;
        }
    }

    /** Streams are counted per API key; the key itself is never kept, only a fingerprint. */
    private static String owner(String apiKey) {
        if (apiKey == null || apiKey.isBlank()) {
            return "anonymous";
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(apiKey.getBytes(StandardCharsets.UTF_8));
            return "key-" + HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
