package io.pricewar.alert;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A webhook endpoint on 127.0.0.1 that records what it is sent, per path, and can be told to
 * answer 500 a number of times first.
 */
public final class WebhookReceiver implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpServer server;
    private final Map<String, List<JsonNode>> received = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> failuresLeft = new ConcurrentHashMap<>();

    private WebhookReceiver(HttpServer server) {
        this.server = server;
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

    /** The URL of a hook of its own, so that tests running against one receiver do not mix. */
    public String url(String hook) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/" + hook;
    }

    public void failNext(String hook, int times) {
        failuresLeft.computeIfAbsent(hook, h -> new AtomicInteger()).set(times);
    }

    /** The notifications {@code hook} accepted (answered 200), in arrival order. */
    public List<JsonNode> received(String hook) {
        return List.copyOf(received.getOrDefault(hook, List.of()));
    }

    public List<String> receivedEventIds(String hook) {
        return received(hook).stream().map(n -> n.get("eventId").asString()).toList();
    }

    private void handle(HttpExchange exchange) throws IOException {
        String hook = exchange.getRequestURI().getPath().substring(1);
        byte[] body = exchange.getRequestBody().readAllBytes();
        AtomicInteger failures = failuresLeft.get(hook);
        if (failures != null && failures.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            exchange.sendResponseHeaders(500, -1);
        } else {
            received.computeIfAbsent(hook, h -> new CopyOnWriteArrayList<>()).add(JSON.readTree(body));
            exchange.sendResponseHeaders(200, -1);
        }
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
