package io.pricewar.devstack;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A local web site serving vendor pricing pages, which the demo and the tests change at will.
 * A page not yet published answers 404, as a vendor's page does before a launch.
 */
public final class DemoVendorSite implements AutoCloseable {

    private final HttpServer server;
    private final Map<String, VendorPage> pages = new ConcurrentHashMap<>();

    private DemoVendorSite(HttpServer server) {
        this.server = server;
        server.createContext("/", this::serve);
        server.start();
    }

    /** Starts on {@code port} of the loopback address; 0 picks a free port. */
    public static DemoVendorSite start(int port) {
        return start("127.0.0.1", port);
    }

    /** Starts on {@code host:port}; a container binds 0.0.0.0 so that other containers reach it. */
    public static DemoVendorSite start(String host, int port) {
        try {
            return new DemoVendorSite(HttpServer.create(new InetSocketAddress(host, port), 0));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the demo vendor site on port " + port, e);
        }
    }

    public void publish(VendorPage page) {
        pages.put(page.path(), page);
    }

    public String urlOf(String vendor) {
        return baseUrl() + "/" + vendor + "/pricing";
    }

    public String baseUrl() {
        return "http://" + server.getAddress().getHostString() + ":" + server.getAddress().getPort();
    }

    private void serve(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            VendorPage page = pages.get(path);
            if (page != null) {
                respond(exchange, 200, "text/html; charset=utf-8", page.html());
            } else if (path.equals("/")) {
                respond(exchange, 200, "text/html; charset=utf-8", index());
            } else {
                respond(exchange, 404, "text/plain; charset=utf-8", "no such page: " + path);
            }
        }
    }

    private String index() {
        StringBuilder html = new StringBuilder("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>Demo vendors</title></head><body><ul>");
        new TreeMap<>(pages).forEach((path, page) ->
                html.append("<li><a href=\"").append(path).append("\">").append(page.title()).append("</a></li>"));
        return html.append("</ul></body></html>").toString();
    }

    private static void respond(HttpExchange exchange, int status, String contentType, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
