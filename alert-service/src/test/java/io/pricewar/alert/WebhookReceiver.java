package io.pricewar.alert;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * A webhook endpoint on 127.0.0.1 that records every request it is sent, per path (the hook),
 * and answers each hook by a script: the next scripted answer, or 200 when the script is done.
 */
public final class WebhookReceiver implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** One request as it arrived, and the status it was answered with (0 for a held request). */
    public record Request(String hook, Map<String, List<String>> headers, String body, Instant at, int status) {

        public String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().getFirst()).findFirst().orElse(null);
        }
    }

    /** How to answer one request. */
    public sealed interface Answer {

        static Answer status(int status, String... headerNamesAndValues) {
            return new Status(status, headerNamesAndValues, "");
        }

        static Answer statusWithBody(int status, String body) {
            return new Status(status, new String[0], body);
        }

        /** Answers {@code status} with a chunked body that never ends: it is written until the caller hangs up. */
        static Answer endless(int status) {
            return new Endless(status);
        }

        /** Holds the request without answering for {@code duration}, then answers 500. */
        static Answer hang(Duration duration) {
            return late(duration, 500);
        }

        /** Holds the request without answering for {@code duration}, then answers {@code status}. */
        static Answer late(Duration duration, int status) {
            return new Hang(new CountDownLatch(1), duration, status);
        }

        /** Holds the request until {@code release} is counted down, then answers 500. */
        static Answer hangUntil(CountDownLatch release) {
            return new Hang(release, Duration.ofMinutes(5), 500);
        }
    }

    private record Status(int status, String[] headers, String body) implements Answer {
    }

    private record Hang(CountDownLatch release, Duration atMost, int status) implements Answer {
    }

    private record Endless(int status) implements Answer {
    }

    private final HttpServer server;
    private final Map<String, List<Request>> requests = new ConcurrentHashMap<>();
    private final Map<String, Queue<Answer>> scripts = new ConcurrentHashMap<>();

    private WebhookReceiver(HttpServer server) {
        this.server = server;
        // A hanging answer must not hold up the others.
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/", this::handle);
        server.start();
    }

    public static WebhookReceiver start() {
        try {
            return new WebhookReceiver(HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0));
        } catch (IOException e) {
            throw new IllegalStateException("cannot start the webhook receiver", e);
        }
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** The URL of a hook of its own, so that tests running against one receiver do not mix. */
    public String url(String hook) {
        return "http://127.0.0.1:" + port() + "/" + hook;
    }

    public void script(String hook, Answer... answers) {
        scripts.computeIfAbsent(hook, h -> new ConcurrentLinkedQueue<>()).addAll(List.of(answers));
    }

    public void failNext(String hook, int times) {
        Queue<Answer> script = scripts.computeIfAbsent(hook, h -> new ConcurrentLinkedQueue<>());
        script.clear();
        int n = Math.min(times, 10_000);
        for (int i = 0; i < n; i++) {
            script.add(Answer.status(500));
        }
    }

    /** Every request the hook was sent, answered or not, in arrival order. */
    public List<Request> requests(String hook) {
        return List.copyOf(requests.getOrDefault(hook, List.of()));
    }

    /** The notifications {@code hook} accepted (answered 2xx), in arrival order. */
    public List<JsonNode> received(String hook) {
        return requests(hook).stream().filter(r -> r.status() / 100 == 2).map(r -> JSON.readTree(r.body())).toList();
    }

    public List<String> receivedEventIds(String hook) {
        return received(hook).stream().map(n -> n.get("eventId").asString()).toList();
    }

    private void handle(HttpExchange exchange) throws IOException {
        String hook = exchange.getRequestURI().getPath().substring(1);
        String body = new String(exchange.getRequestBody().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        Map<String, List<String>> headers = Map.copyOf(exchange.getRequestHeaders());
        Instant at = Instant.now();
        List<Request> log = requests.computeIfAbsent(hook, h -> new CopyOnWriteArrayList<>());
        Queue<Answer> script = scripts.get(hook);
        Answer answer = script == null ? null : script.poll();
        if (answer instanceof Hang hang) {
            Request pending = new Request(hook, headers, body, at, 0);
            log.add(pending);
            awaitQuietly(hang);
            answer(exchange, hang.status(), new String[0], "");
            return;
        }
        if (answer instanceof Endless endless) {
            log.add(new Request(hook, headers, body, at, endless.status()));
            answerEndlessly(exchange, endless.status());
            return;
        }
        Status status = answer instanceof Status s ? s : new Status(200, new String[0], "");
        log.add(new Request(hook, headers, body, at, status.status()));
        answer(exchange, status.status(), status.headers(), status.body());
    }

    private static void answer(HttpExchange exchange, int status, String[] headers, String body) {
        try (exchange) {
            for (int i = 0; i + 1 < headers.length; i += 2) {
                exchange.getResponseHeaders().add(headers[i], headers[i + 1]);
            }
            byte[] bytes = body.getBytes(java.nio.charset.StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
            if (bytes.length > 0) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(bytes);
                }
            }
        } catch (IOException clientGone) {
            // The caller gave up (a timeout under test); nothing to answer.
        }
    }

    private static void answerEndlessly(HttpExchange exchange, int status) {
        byte[] chunk = "x".repeat(8192).getBytes(java.nio.charset.StandardCharsets.UTF_8);
        try (exchange) {
            exchange.sendResponseHeaders(status, 0);
            OutputStream out = exchange.getResponseBody();
            while (true) {
                out.write(chunk);
            }
        } catch (IOException clientGone) {
            // The caller stopped reading and closed the connection, as it should.
        }
    }

    private static void awaitQuietly(Hang hang) {
        try {
            hang.release().await(hang.atMost().toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
