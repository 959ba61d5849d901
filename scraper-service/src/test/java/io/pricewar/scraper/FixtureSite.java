package io.pricewar.scraper;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.pricewar.scraper.extract.FixturePages;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A local vendor site for the scraper's ITs: one pricing page (a fixture page, or any body), a
 * robots.txt, and the misbehaviours a real site shows: error statuses, 429 with Retry-After,
 * slow answers, ETags or Last-Modified and 304, a page moved elsewhere, endless redirects, a robots.txt that fails
 * or redirects. It records the page requests it receives.
 */
public final class FixtureSite implements AutoCloseable {

    /** One request for the pricing page, as received. */
    public record Request(Instant at, String userAgent, String ifNoneMatch, String ifModifiedSince, int status) {
    }

    /** The pricing page's Last-Modified, once {@link #withLastModified()} is on. */
    public static final String LAST_MODIFIED = "Tue, 21 May 2024 08:00:00 GMT";

    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final AtomicReference<byte[]> page = new AtomicReference<>(new byte[0]);
    private final AtomicReference<String> robots = new AtomicReference<>();
    private final AtomicReference<String> movedTo = new AtomicReference<>("/pricing");
    private final AtomicInteger throttled = new AtomicInteger();
    private final AtomicInteger heldBack = new AtomicInteger();
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private volatile int status = 200;
    private volatile int robotsStatus;
    private volatile int robotsRedirects;
    private volatile String robotsRedirectTarget;
    private volatile String retryAfter;
    private volatile Duration delay = Duration.ZERO;
    private volatile boolean etags;
    private volatile boolean lastModified;
    private volatile boolean chunked;

    public FixtureSite() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(threads);
        server.createContext("/pricing", exchange -> {
            try (exchange) {
                pricing(exchange);
            }
        });
        server.createContext("/robots.txt", exchange -> {
            try (exchange) {
                robotsTxt(exchange, 0);
            }
        });
        server.createContext("/robots-hop/", exchange -> {
            try (exchange) {
                String path = exchange.getRequestURI().getPath();
                robotsTxt(exchange, Integer.parseInt(path.substring(path.lastIndexOf('/') + 1)));
            }
        });
        server.createContext("/moved", exchange -> {
            try (exchange) {
                redirect(exchange, 301, movedTo.get());
            }
        });
        server.createContext("/loop", exchange -> {
            try (exchange) {
                redirect(exchange, 302, "/loop");
            }
        });
        server.start();
    }

    private void pricing(HttpExchange exchange) throws IOException {
        pause();
        String ifNoneMatch = exchange.getRequestHeaders().getFirst("If-None-Match");
        String ifModifiedSince = exchange.getRequestHeaders().getFirst("If-Modified-Since");
        int answer = answer(ifNoneMatch, ifModifiedSince);
        requests.add(new Request(Instant.now(), exchange.getRequestHeaders().getFirst("User-Agent"), ifNoneMatch,
                ifModifiedSince, answer));
        if (answer == 429 && retryAfter != null) {
            exchange.getResponseHeaders().set("Retry-After", retryAfter);
        }
        if (etags) {
            exchange.getResponseHeaders().set("ETag", etag());
        }
        if (lastModified) {
            exchange.getResponseHeaders().set("Last-Modified", LAST_MODIFIED);
        }
        if (answer == 304) {
            exchange.sendResponseHeaders(304, -1);
            return;
        }
        send(exchange, answer, answer == 200 ? page.get() : "unavailable".getBytes(StandardCharsets.UTF_8), "text/html; charset=utf-8");
    }

    /** The robots.txt, or the {@code hop}-th redirect of a chain that leads elsewhere. */
    private void robotsTxt(HttpExchange exchange, int hop) throws IOException {
        if (hop < robotsRedirects) {
            redirect(exchange, 301, hop + 1 < robotsRedirects ? "/robots-hop/" + (hop + 1) : robotsRedirectTarget);
            return;
        }
        String text = robots.get();
        int code = robotsStatus != 0 ? robotsStatus : text == null ? 404 : 200;
        send(exchange, code, (text == null ? "" : text).getBytes(StandardCharsets.UTF_8), "text/plain");
    }

    private static void redirect(HttpExchange exchange, int code, String location) throws IOException {
        exchange.getResponseHeaders().set("Location", location);
        exchange.sendResponseHeaders(code, -1);
    }

    private int answer(String ifNoneMatch, String ifModifiedSince) {
        if (throttled.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            return 429;
        }
        boolean unchanged = etags && etag().equals(ifNoneMatch) || lastModified && LAST_MODIFIED.equals(ifModifiedSince);
        if (status == 200 && unchanged) {
            return 304;
        }
        return status;
    }

    private void send(HttpExchange exchange, int code, byte[] body, String type) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(code, chunked ? 0 : body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    /** A slow server: the delay is the point of the fixture, so this thread sleeps on purpose. */
    private void pause() {
        if (!delay.isZero()) {
            heldBack.incrementAndGet();
            try {
                Thread.sleep(delay);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                heldBack.decrementAndGet();
            }
        }
    }

    private String etag() {
        return "\"" + Integer.toHexString(java.util.Arrays.hashCode(page.get())) + "\"";
    }

    public FixtureSite serve(String fixturePage) {
        return serveBody(FixturePages.html(fixturePage).getBytes(StandardCharsets.UTF_8));
    }

    public FixtureSite serveBody(byte[] body) {
        page.set(body);
        status = 200;
        return this;
    }

    public void fail(int status) {
        this.status = status;
    }

    public FixtureSite robots(String text) {
        robots.set(text);
        return this;
    }

    /** robots.txt answers this status, with no rules. */
    public FixtureSite robotsStatus(int status) {
        robotsStatus = status;
        return this;
    }

    /** robots.txt answers with a chain of {@code redirects} 301s, the last one to {@code target}. */
    public FixtureSite robotsRedirected(int redirects, String target) {
        robotsRedirectTarget = target;
        robotsRedirects = redirects;
        return this;
    }

    /** The next {@code times} page requests get 429, with this Retry-After (null for none). */
    public FixtureSite throttle(int times, String retryAfter) {
        this.retryAfter = retryAfter;
        throttled.set(times);
        return this;
    }

    public FixtureSite delay(Duration delay) {
        this.delay = delay;
        return this;
    }

    /** Sends an ETag and answers a matching If-None-Match with 304. */
    public FixtureSite withEtags() {
        etags = true;
        return this;
    }

    /** Sends {@link #LAST_MODIFIED} and answers that If-Modified-Since with 304. */
    public FixtureSite withLastModified() {
        lastModified = true;
        return this;
    }

    /** Sends bodies chunked, without a Content-Length, so only reading them shows their size. */
    public FixtureSite chunked() {
        chunked = true;
        return this;
    }

    /** Page requests received and not yet answered, held back by {@link #delay(Duration)}. */
    public int heldBack() {
        return heldBack.get();
    }

    public List<Request> requests() {
        return List.copyOf(requests);
    }

    public String url() {
        return base() + "/pricing";
    }

    /** A URL that answers 301 to {@code location} (this site's pricing page by default). */
    public String movedUrl(String location) {
        movedTo.set(location);
        return base() + "/moved";
    }

    public String robotsUrl() {
        return base() + "/robots.txt";
    }

    public String loopUrl() {
        return base() + "/loop";
    }

    private String base() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
