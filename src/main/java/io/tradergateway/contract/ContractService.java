package io.tradergateway.contract;

import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.tradergateway.tws.IbCode;
import io.tradergateway.tws.ResponseHandler;
import io.tradergateway.tws.TwsConnectionManager;
import io.tradergateway.tws.TwsRequest;
import io.tradergateway.tws.TwsRequestException;
import io.tradergateway.tws.wire.ContractData;
import io.tradergateway.tws.wire.ContractDataEnd;
import io.tradergateway.tws.wire.ReqContractDetails;
import io.tradergateway.tws.wire.ServerMessage;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Service;

/**
 * Contract lookups (reqContractDetails), cached. Contract details rarely change, and every history request by
 * description needs a conId first, so lookups are cached for a day (Caffeine, bounded by size). The cache
 * holds the future itself: identical lookups in flight share one TWS request, and a failed lookup is not
 * cached. A lookup's future always completes normally, with the contracts or the failure as a value: a future
 * that failed would make Caffeine log a warning with a stack trace for every unknown contract, an ordinary
 * client error.
 */
@Service
@EnableConfigurationProperties(ContractProperties.class)
public class ContractService {

    private final TwsConnectionManager connection;
    private final ContractProperties settings;
    private final AsyncCache<Object, Lookup> cache;

    public ContractService(TwsConnectionManager connection, ContractProperties settings, Clock clock) {
        this.connection = connection;
        this.settings = settings;
        this.cache = Caffeine.newBuilder()
                .maximumSize(settings.cacheSize())
                .expireAfterWrite(settings.cacheTtl())
                .ticker(() -> TimeUnit.MILLISECONDS.toNanos(clock.millis()))
                .buildAsync();
    }

    /** Every contract matching the description; {@link ContractNotFoundException} when there is none. */
    public List<ContractInfo> lookup(ContractQuery query) {
        return join(
                query,
                cache.get(
                        query,
                        (key, executor) -> fetch(
                                query.symbol() + " " + query.secType(),
                                reqId -> ReqContractDetails.of(
                                        reqId,
                                        0,
                                        query.symbol(),
                                        query.secType().name(),
                                        query.expiry(),
                                        query.strike() == null
                                                ? 0
                                                : query.strike().doubleValue(),
                                        query.right(),
                                        query.exchange(),
                                        query.currency()))));
    }

    /** The contract with this conId; {@link ContractNotFoundException} when TWS knows none. */
    public ContractInfo byConId(int conId) {
        List<ContractInfo> found = join(
                conId,
                cache.get(
                        conId,
                        (key, executor) -> fetch(
                                "conId " + conId,
                                reqId -> ReqContractDetails.of(reqId, conId, "", "", "", 0, "", "", ""))));
        return found.get(0);
    }

    /** Exactly one contract for the description, or {@link AmbiguousContractException} listing the candidates. */
    public ContractInfo resolve(ContractQuery query) {
        List<ContractInfo> found = lookup(query);
        if (found.size() > 1) {
            throw new AmbiguousContractException(
                    found.size() + " contracts match " + query.symbol() + " " + query.secType()
                            + "; add exchange, currency, expiry, strike or right, or use conId",
                    found);
        }
        return found.get(0);
    }

    private CompletableFuture<Lookup> fetch(String what, java.util.function.IntFunction<ReqContractDetails> request) {
        return connection
                .request(TwsRequest.withReqId(
                        "contractDetails " + what, request::apply, null, Collector::new, settings.timeout()))
                .handle((found, failure) -> {
                    if (failure != null) {
                        Throwable cause = failure instanceof CompletionException ? failure.getCause() : failure;
                        if (cause instanceof TwsRequestException e && e.code() == IbCode.NO_SECURITY_DEFINITION) {
                            return Lookup.failed(new ContractNotFoundException("TWS knows no contract for " + what));
                        }
                        return Lookup.failed(cause instanceof RuntimeException r ? r : new CompletionException(cause));
                    }
                    if (found.isEmpty()) {
                        return Lookup.failed(new ContractNotFoundException("TWS knows no contract for " + what));
                    }
                    return new Lookup(found, null);
                });
    }

    /** The contracts, or the failure: a failed lookup leaves the cache, so the next one asks TWS again. */
    private List<ContractInfo> join(Object key, CompletableFuture<Lookup> future) {
        Lookup lookup = future.join();
        if (lookup.failure() != null) {
            cache.asMap().remove(key, future);
            throw lookup.failure();
        }
        return lookup.contracts();
    }

    private record Lookup(List<ContractInfo> contracts, RuntimeException failure) {
        static Lookup failed(RuntimeException failure) {
            return new Lookup(List.of(), failure);
        }
    }

    /** contractData rows until contractDataEnd. */
    private static final class Collector implements ResponseHandler<List<ContractInfo>> {
        private final List<ContractInfo> rows = new ArrayList<>();

        @Override
        public boolean accept(ServerMessage message) {
            if (message instanceof ContractData data) {
                rows.add(ContractInfo.of(data.details()));
            }
            return message instanceof ContractDataEnd;
        }

        @Override
        public List<ContractInfo> result() {
            return rows;
        }
    }
}
