package io.pricewar.devstack;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A webhook receiver that prints each notification on one line and keeps it, so that a newcomer
 * sees alerts fire in the console and a test can count what arrived.
 */
public final class ConsoleWebhook implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpServer server;
    private final PrintStream out;
    private final List<JsonNode> received = new CopyOnWriteArrayList<>();

    private ConsoleWebhook(HttpServer server, PrintStream out) {
        this.server = server;
        this.out = out;
        server.createContext("/", this::receive);
        server.start();
    }

    public static ConsoleWebhook start(int port, PrintStream out) {
        try {
            return new ConsoleWebhook(HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0), out);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the console webhook on port " + port, e);
        }
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/notifications";
    }

    public List<JsonNode> received() {
        return List.copyOf(received);
    }

    private void receive(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body = exchange.getRequestBody().readAllBytes();
            JsonNode notification = JSON.readTree(body);
            received.add(notification);
            out.println(describe(notification));
            exchange.sendResponseHeaders(204, -1);
        } catch (RuntimeException e) {
            exchange.sendResponseHeaders(400, -1);
        }
    }

    /** "ALERT alibaba:qwen-long:input:standard 0.02 CNY/1K → 0.0005 CNY/1K (-97.5%)" */
    static String describe(JsonNode n) {
        JsonNode oldPrice = n.path("oldPrice");
        JsonNode newPrice = n.path("newPrice");
        String pointId = n.path("pointId").asString();
        if (oldPrice.isMissingNode() || oldPrice.isNull()) {
            return "ALERT  listed   " + pointId + "  " + price(newPrice) + "   event " + n.path("eventId").asString();
        }
        return "ALERT  " + (isFree(newPrice) ? "now free" : "dropped ") + " " + pointId + "  "
                + price(oldPrice) + " -> " + price(newPrice) + "   event " + n.path("eventId").asString();
    }

    private static boolean isFree(JsonNode price) {
        return new java.math.BigDecimal(price.path("amount").asString("1")).signum() == 0;
    }

    private static String price(JsonNode price) {
        String unit = switch (price.path("unit").asString()) {
            case "PER_1K_TOKENS" -> "/1K";
            case "PER_1M_TOKENS" -> "/1M";
            case "PER_TOKEN" -> "/token";
            default -> "";
        };
        return price.path("amount").asString() + " " + price.path("currency").asString() + unit;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
