package io.tradergateway.status;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodySubscribers;
import java.time.Duration;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Fetches the status page with the JDK's HTTP client: a connect timeout, one deadline for the whole answer
 * (headers and body, so a server that trickles bytes cannot hold the refresh thread), a body-size cap, a
 * browser-like User-Agent, and redirects followed only within the same host (never off-site, never from
 * https down to http).
 */
final class StatusPageFetcher implements AutoCloseable {

    private static final int MAX_REDIRECTS = 3;
    private static final Set<Integer> REDIRECTS = Set.of(301, 302, 303, 307, 308);
    private static final Pattern CHARSET = Pattern.compile("charset=\"?([^;\"\\s]+)", Pattern.CASE_INSENSITIVE);

    private final IbStatusProperties settings;
    private final ExecutorService executor;
    /** Made on the first fetch over the network (on the refresher's thread): its TLS set-up is not start-up time. */
    private HttpClient client;

    StatusPageFetcher(IbStatusProperties settings) {
        this.settings = settings;
        AtomicInteger threads = new AtomicInteger();
        // our own executor, so that close() leaves no HTTP worker threads behind
        this.executor = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "ib-status-http-" + threads.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    private synchronized HttpClient client() {
        if (client == null) {
            client = HttpClient.newBuilder()
                    .connectTimeout(settings.connectTimeout())
                    .followRedirects(HttpClient.Redirect.NEVER)
                    .version(HttpClient.Version.HTTP_1_1)
                    .executor(executor)
                    .build();
        }
        return client;
    }

    /** Schemes of a page that ships with the gateway (Spring resolves {@code classpath:} to file: or jar:). */
    private static final Set<String> BUNDLED = Set.of("classpath", "file", "jar");

    static boolean isBundled(URI uri) {
        return uri.getScheme() != null && BUNDLED.contains(uri.getScheme().toLowerCase(Locale.ROOT));
    }

    FetchedPage fetch(URI start) throws StatusPageFetchException, InterruptedException {
        if (isBundled(start)) {
            return bundled(start);
        }
        URI uri = start;
        for (int hop = 0; ; hop++) {
            HttpResponse<byte[]> response = send(uri);
            int code = response.statusCode();
            if (code == 200) {
                return new FetchedPage(uri, response.body(), charset(response));
            }
            if (!REDIRECTS.contains(code)) {
                throw new StatusPageFetchException("HTTP " + code + " from " + uri.getHost());
            }
            if (hop == MAX_REDIRECTS) {
                throw new StatusPageFetchException("more than " + MAX_REDIRECTS + " redirects from " + start.getHost());
            }
            uri = redirectTarget(uri, response);
        }
    }

    /**
     * A page bundled with the gateway ({@code classpath:sim/ib-status.html}): the simulator demo's stand-in for
     * IB's page, so that a demo run offline is not DOWN for a page it cannot reach.
     */
    private FetchedPage bundled(URI uri) throws StatusPageFetchException {
        String path = uri.getSchemeSpecificPart();
        try (java.io.InputStream in = "classpath".equalsIgnoreCase(uri.getScheme())
                ? StatusPageFetcher.class.getClassLoader().getResourceAsStream(path.replaceFirst("^/+", ""))
                : uri.toURL().openStream()) {
            if (in == null) {
                throw new StatusPageFetchException("no bundled status page " + path);
            }
            byte[] body = in.readNBytes((int) settings.maxBodySize().toBytes() + 1);
            if (body.length > settings.maxBodySize().toBytes()) {
                throw new StatusPageFetchException("the bundled status page " + path + " is over max-body-size");
            }
            return new FetchedPage(uri, body, null);
        } catch (java.io.IOException e) {
            throw new StatusPageFetchException("cannot read the bundled status page " + path);
        }
    }

    private HttpResponse<byte[]> send(URI uri) throws StatusPageFetchException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(uri)
                .timeout(settings.readTimeout())
                .header("User-Agent", settings.userAgent())
                .header("Accept", "text/html,application/xhtml+xml;q=0.9,*/*;q=0.8")
                .header("Accept-Language", "en-US,en;q=0.8")
                .GET()
                .build();
        long cap = settings.maxBodySize().toBytes();
        CompletableFuture<HttpResponse<byte[]>> answer = client().sendAsync(
                        request,
                        info -> info.statusCode() == 200
                                ? new CappedBodySubscriber(cap)
                                : BodySubscribers.replacing(new byte[0]));
        Duration deadline = settings.connectTimeout().plus(settings.readTimeout());
        try {
            return answer.get(deadline.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            answer.cancel(true);
            throw new StatusPageFetchException(
                    "no complete answer from " + uri.getHost() + " within " + deadline.toMillis() + " ms");
        } catch (InterruptedException e) {
            answer.cancel(true);
            throw e;
        } catch (ExecutionException e) {
            throw failure(uri, e.getCause());
        }
    }

    private static StatusPageFetchException failure(URI uri, Throwable cause) {
        String host = uri.getHost();
        if (cause instanceof StatusPageFetchException known) {
            return known;
        }
        if (cause instanceof HttpConnectTimeoutException) {
            return new StatusPageFetchException("connecting to " + host + " timed out", cause);
        }
        if (cause instanceof java.net.http.HttpTimeoutException) {
            return new StatusPageFetchException("no answer from " + host + " within the read timeout", cause);
        }
        if (cause instanceof ConnectException) {
            return new StatusPageFetchException("could not connect to " + host, cause);
        }
        if (cause instanceof IOException && cause.getCause() instanceof StatusPageFetchException known) {
            return known;
        }
        String reason = cause == null || cause.getMessage() == null ? "I/O error" : cause.getMessage();
        return new StatusPageFetchException("fetching from " + host + " failed: " + reason, cause);
    }

    private static URI redirectTarget(URI from, HttpResponse<?> response) throws StatusPageFetchException {
        String location = response.headers()
                .firstValue("Location")
                .orElseThrow(() -> new StatusPageFetchException(
                        "HTTP " + response.statusCode() + " from " + from.getHost() + " without a Location"));
        URI target;
        try {
            target = from.resolve(location.trim());
        } catch (IllegalArgumentException e) {
            throw new StatusPageFetchException("unreadable redirect Location from " + from.getHost());
        }
        boolean sameHost = target.getHost() != null && target.getHost().equalsIgnoreCase(from.getHost());
        String scheme = target.getScheme() == null ? "" : target.getScheme().toLowerCase(Locale.ROOT);
        boolean allowedScheme =
                scheme.equals("https") || (scheme.equals("http") && "http".equalsIgnoreCase(from.getScheme()));
        if (!sameHost || !allowedScheme) {
            throw new StatusPageFetchException("refused redirect off-site from " + from.getHost() + " to "
                    + target.getScheme() + "://" + target.getHost());
        }
        return target;
    }

    private static String charset(HttpResponse<?> response) {
        return response.headers()
                .firstValue("Content-Type")
                .map(CHARSET::matcher)
                .filter(Matcher::find)
                .map(m -> m.group(1))
                .orElse(null);
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
