package io.tradergateway.status;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * A stand-in for IB's web server on 127.0.0.1: serves fixture pages, HTTP errors, redirects and answers that
 * stall until the test ends (released in {@link #close()}, so no test sleeps). Records what it was asked.
 */
final class FixtureServer implements AutoCloseable {

    /** What the server does for one path. */
    @FunctionalInterface
    interface Answer {
        void send(HttpExchange exchange) throws IOException, InterruptedException;
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final Map<String, Answer> answers = new ConcurrentHashMap<>();
    private final List<String> userAgents = new CopyOnWriteArrayList<>();
    private final CountDownLatch release = new CountDownLatch(1);

    FixtureServer() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(executor);
        server.createContext("/", exchange -> {
            userAgents.add(String.valueOf(exchange.getRequestHeaders().getFirst("User-Agent")));
            Answer answer = answers.getOrDefault(exchange.getRequestURI().getPath(), FixtureServer::notFound);
            try {
                answer.send(exchange);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (IOException e) {
                // the client gave up (timeout, size cap): expected in several tests
            } finally {
                exchange.close();
            }
        });
        server.start();
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
    }

    FixtureServer on(String path, Answer answer) {
        answers.put(path, answer);
        return this;
    }

    List<String> userAgents() {
        return List.copyOf(userAgents);
    }

    int requests() {
        return userAgents.size();
    }

    static Answer fixture(String name) {
        byte[] body = read(name);
        return exchange -> html(exchange, 200, body);
    }

    static Answer body(int status, String text) {
        return exchange -> html(exchange, status, text.getBytes(StandardCharsets.UTF_8));
    }

    static Answer redirect(String location) {
        return exchange -> {
            exchange.getResponseHeaders().add("Location", location);
            exchange.sendResponseHeaders(302, -1);
        };
    }

    /** Sends nothing at all until the test is over. */
    Answer stallBeforeHeaders() {
        return exchange -> release.await(30, TimeUnit.SECONDS);
    }

    /** Sends headers and the first bytes, then stalls: only a whole-answer deadline catches this. */
    Answer stallInBody() {
        return exchange -> {
            exchange.getResponseHeaders().add("Content-Type", "text/html");
            exchange.sendResponseHeaders(200, 0);
            OutputStream out = exchange.getResponseBody();
            out.write("<html><body><table class=\"TableOutline\">".getBytes(StandardCharsets.UTF_8));
            out.flush();
            release.await(30, TimeUnit.SECONDS);
        };
    }

    static byte[] read(String name) {
        try (InputStream in = FixtureServer.class.getResourceAsStream("/ibstatus/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void html(HttpExchange exchange, int status, byte[] body) throws IOException {
        exchange.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            exchange.getResponseBody().write(body);
        }
    }

    private static void notFound(HttpExchange exchange) throws IOException {
        html(exchange, 404, "not here".getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void close() {
        release.countDown();
        server.stop(0);
        executor.shutdownNow();
    }
}
