package io.pricewar.bench.alert;

import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/** A webhook endpoint on 127.0.0.1 that answers 204 at once and keeps every request with its arrival time. */
final class LocalReceiver implements AutoCloseable {

    record Received(long arrivedNanos, String path, Map<String, List<String>> headers, String body) {

        String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().getFirst()).findFirst().orElse(null);
        }
    }

    private final HttpServer server;
    final ConcurrentLinkedQueue<Received> received = new ConcurrentLinkedQueue<>();
    /** How many arrived: counting the queue walks all of it, too slow to poll every few milliseconds. */
    private final AtomicInteger count = new AtomicInteger();

    LocalReceiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 1024);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/", exchange -> {
            try (exchange) {
                String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                received.add(new Received(System.nanoTime(), exchange.getRequestURI().getPath(),
                        Map.copyOf(exchange.getRequestHeaders()), body));
                count.incrementAndGet();
                exchange.sendResponseHeaders(204, -1);
            }
        });
        server.start();
    }

    int count() {
        return count.get();
    }

    /** Forgets what arrived so far. */
    void clear() {
        received.clear();
        count.set(0);
    }

    /** How many requests arrived at {@code path}. */
    long receivedAt(String path) {
        return received.stream().filter(r -> r.path().equals(path)).count();
    }

    String url(String hook) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/" + hook;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
