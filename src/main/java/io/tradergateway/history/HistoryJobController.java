package io.tradergateway.history;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/** {@code /api/v1/history/jobs}: bulk downloads into the store, their progress (JSON and SSE) and cancel. */
@RestController
@RequestMapping("/api/v1/history/jobs")
@Tag(name = "History jobs", description = "Bulk history downloads into the store: durable, paced, restartable")
class HistoryJobController {

    private static final String ID_PATTERN = "^[0-9a-f]{24}$";

    private final HistoryJobs jobs;
    private final ScheduledExecutorService events;
    private final HistoryJobsProperties settings;

    HistoryJobController(
            HistoryJobs jobs,
            @Qualifier("historyJobEvents") ScheduledExecutorService events,
            HistoryJobsProperties settings) {
        this.jobs = jobs;
        this.events = events;
        this.settings = settings;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            summary = "Start a bulk history download",
            description = "Downloads the bars of every contract of the universe over the range into the store, at"
                    + " lower priority than interactive history (an interactive request waits behind at most one"
                    + " job request). Identical jobs (same universe, barSize, whatToShow, useRth, range) are one"
                    + " job: a repeated POST answers 200 with the existing job, a new one 202. Location is the job.")
    @ApiResponse(responseCode = "202", description = "job created; Location is its URL")
    @ApiResponse(responseCode = "200", description = "the same job exists already")
    @ApiResponse(responseCode = "400", description = "a parameter breaks IB's rules (type invalid-parameter etc.)")
    @ApiResponse(responseCode = "404", description = "a contract is unknown (type contract-not-found)")
    @ApiResponse(responseCode = "503", description = "store or TWS unavailable; see Retry-After")
    ResponseEntity<HistoryJobView> createJob(@RequestBody HistoryJobRequest body) {
        HistoryJobs.Submitted submitted = jobs.submit(body);
        return ResponseEntity.status(submitted.created() ? HttpStatus.ACCEPTED : HttpStatus.OK)
                .location(URI.create("/api/v1/history/jobs/" + submitted.job().id()))
                .body(submitted.job());
    }

    @GetMapping(produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "List bulk history jobs", description = "Every job, newest first, with its progress.")
    @ApiResponse(responseCode = "200", description = "the jobs")
    List<HistoryJobView> listJobs() {
        return jobs.list();
    }

    @GetMapping(path = "/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            summary = "One bulk history job",
            description = "Progress (requests done / total, bars stored, percent), errors per contract, and an ETA"
                    + " from IB's pacing rules.")
    @ApiResponse(responseCode = "200", description = "the job")
    @ApiResponse(responseCode = "404", description = "no such job (type history-job-not-found)")
    HistoryJobView getJob(
            @Parameter(
                            description = "job id",
                            example = "4f1c2a9be0d3a7c15e62b0f1",
                            schema = @Schema(pattern = ID_PATTERN))
                    @PathVariable
                    String id) {
        return jobs.view(id);
    }

    @DeleteMapping(path = "/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            summary = "Cancel a bulk history job",
            description = "Parts not started never run; a running part stops after its current request. What was"
                    + " stored stays stored.")
    @ApiResponse(responseCode = "200", description = "the job, CANCELLED (or DONE if it had finished)")
    @ApiResponse(responseCode = "404", description = "no such job (type history-job-not-found)")
    HistoryJobView cancelJob(
            @Parameter(
                            description = "job id",
                            example = "4f1c2a9be0d3a7c15e62b0f1",
                            schema = @Schema(pattern = ID_PATTERN))
                    @PathVariable
                    String id) {
        return jobs.cancel(id);
    }

    @GetMapping(path = "/{id}/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    @Operation(
            summary = "Progress of a job as Server-Sent Events",
            description = "For `curl -N` and the console: an event `progress` whenever the progress changes, data"
                    + " {\"id\",\"state\",\"percent\",\"requestsDone\",\"requestsTotal\",\"barsStored\",\"etaSeconds\"};"
                    + " the stream ends with one event `end` (same data) once the job is DONE, FAILED or"
                    + " CANCELLED.")
    @ApiResponse(responseCode = "200", description = "the event stream")
    @ApiResponse(responseCode = "404", description = "no such job (type history-job-not-found)")
    SseEmitter jobEvents(
            @Parameter(
                            description = "job id",
                            example = "4f1c2a9be0d3a7c15e62b0f1",
                            schema = @Schema(pattern = ID_PATTERN))
                    @PathVariable
                    String id) {
        jobs.view(id); // 404 before the stream starts
        SseEmitter emitter = new SseEmitter(0L);
        AtomicReference<Map<String, Object>> last = new AtomicReference<>();
        AtomicReference<ScheduledFuture<?>> task = new AtomicReference<>();
        Runnable tick = () -> {
            try {
                HistoryJobView job = jobs.view(id);
                Map<String, Object> data = progress(job);
                boolean finished = List.of("DONE", "FAILED", "CANCELLED").contains(job.state());
                if (!data.equals(last.get())) {
                    emitter.send(SseEmitter.event().name("progress").data(data, MediaType.APPLICATION_JSON));
                    last.set(data);
                }
                if (finished) {
                    emitter.send(SseEmitter.event().name("end").data(data, MediaType.APPLICATION_JSON));
                    emitter.complete();
                    stop(task);
                }
            } catch (Exception e) { // the client went away, or the store: end the stream either way
                emitter.completeWithError(e);
                stop(task);
            }
        };
        task.set(
                events.scheduleWithFixedDelay(tick, 0, settings.eventsInterval().toMillis(), TimeUnit.MILLISECONDS));
        emitter.onCompletion(() -> stop(task));
        emitter.onTimeout(() -> stop(task));
        return emitter;
    }

    private static void stop(AtomicReference<ScheduledFuture<?>> task) {
        ScheduledFuture<?> f = task.get();
        if (f != null) {
            f.cancel(false);
        }
    }

    private static Map<String, Object> progress(HistoryJobView job) {
        java.util.LinkedHashMap<String, Object> data = new java.util.LinkedHashMap<>();
        data.put("id", job.id());
        data.put("state", job.state());
        data.put("percent", job.percent());
        data.put("requestsDone", job.requestsDone());
        data.put("requestsTotal", job.requestsTotal());
        data.put("barsStored", job.barsStored());
        data.put("etaSeconds", job.etaSeconds());
        return data;
    }
}
