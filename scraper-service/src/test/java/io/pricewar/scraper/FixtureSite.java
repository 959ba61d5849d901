package io.pricewar.scraper;

import com.sun.net.httpserver.HttpServer;
import io.pricewar.scraper.extract.FixturePages;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicReference;

/** A local vendor page for the scraper's ITs: serves one fixture page, or an error status. */
public final class FixtureSite implements AutoCloseable {

    private final HttpServer server;
    private final AtomicReference<String> page = new AtomicReference<>();
    private volatile int status = 200;

    public FixtureSite() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/pricing", exchange -> {
            try (exchange) {
                byte[] body = (status == 200 ? page.get() : "unavailable").getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
                exchange.sendResponseHeaders(status, body.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            }
        });
        server.start();
    }

    public FixtureSite serve(String fixturePage) {
        page.set(FixturePages.html(fixturePage));
        status = 200;
        return this;
    }

    public void fail(int status) {
        this.status = status;
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/pricing";
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
