package io.pricewar.scraper.fetch;

import io.netty.channel.ChannelOption;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.WebClientRequestException;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;

import java.net.URI;
import java.nio.charset.Charset;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.TimeoutException;

/**
 * Fetches a page politely: only where robots.txt allows, at most one request per host per
 * interval, conditionally (a 304 costs nothing), with connect, read and whole-attempt timeouts,
 * a body cap, a bounded number of redirects (each to a new origin only where that origin's
 * robots.txt allows it, and at that host's pace), and retries with backoff and jitter that honour
 * 429 and Retry-After. The client is built here rather than from Boot's WebClient.Builder, whose
 * auto-configuration module (spring-boot-webclient 4.1.1) is not published in the registry these
 * machines reach.
 */
@Component
public class PageFetcher {

    private final WebClient client;
    private final FetchProperties properties;
    private final Clock clock;
    private final HostRateLimits limits;
    private final RobotsRules robots;
    private final RetryPolicy retry;

    public PageFetcher(FetchProperties properties, Clock clock) {
        this.properties = properties;
        this.clock = clock;
        this.client = client(properties);
        // A request may wait for its host's turn about as long as one attempt may take.
        this.limits = new HostRateLimits(properties.perHostInterval(), properties.timeout());
        this.robots = new RobotsRules(client, limits, properties);
        this.retry = new RetryPolicy(properties);
    }

    private static WebClient client(FetchProperties properties) {
        // Redirects are followed here, not by the client, so each new origin's robots.txt is asked first.
        HttpClient http = HttpClient.create()
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) properties.connectTimeout().toMillis())
                .responseTimeout(properties.readTimeout())
                .followRedirect(false);
        return WebClient.builder()
                .clientConnector(new ReactorClientHttpConnector(http))
                .defaultHeader(HttpHeaders.USER_AGENT, properties.userAgent())
                .codecs(codecs -> codecs.defaultCodecs().maxInMemorySize((int) properties.maxBodySize().toBytes()))
                .build();
    }

    /** The page, 304 when unchanged since {@code validators}, or a {@link FetchException} saying why not. */
    public Mono<FetchResult> fetch(String url, Validators validators) {
        return robots.allows(url)
                .flatMap(allowed -> allowed ? attempts(url, validators) : Mono.error(new FetchException.Disallowed(url)));
    }

    private Mono<FetchResult> attempts(String url, Validators validators) {
        return Mono.defer(() -> limits.limited(url, attempt(url, validators)))
                .retryWhen(retry.spec());
    }

    private Mono<FetchResult> attempt(String url, Validators validators) {
        return request(url, url, validators, 0);
    }

    /**
     * One request of an attempt: the page itself, or the {@code redirects}-th hop on the way to
     * it. A redirect to another origin is fetched only once that origin's robots.txt allows it,
     * and waits for that host's turn. The page keeps the source's URL, which its events cite.
     */
    private Mono<FetchResult> request(String pageUrl, String url, Validators validators, int redirects) {
        return client.get().uri(url)
                .headers(validators::applyTo)
                .accept(MediaType.TEXT_HTML, MediaType.APPLICATION_JSON, MediaType.ALL)
                .exchangeToMono(response -> Redirects.is(response.statusCode().value()) && redirects < properties.maxRedirects()
                        ? Redirects.target(url, response).map(Step::hop)
                        : read(pageUrl, response).map(Step::done))
                .timeout(properties.timeout())
                .onErrorMap(error -> !(error instanceof FetchException), PageFetcher::classify)
                .flatMap(step -> step.next() != null
                        ? follow(pageUrl, url, step.next(), validators, redirects + 1)
                        : Mono.just(step.result()));
    }

    /** What one request gave: the result, or the URL a redirect points to next. */
    private record Step(FetchResult result, String next) {
        static Step done(FetchResult result) {
            return new Step(result, null);
        }

        static Step hop(String next) {
            return new Step(null, next);
        }
    }

    private Mono<FetchResult> follow(String pageUrl, String from, String next, Validators validators, int redirects) {
        return robots.allows(next).flatMap(allowed -> {
            if (!allowed) {
                return Mono.error(new FetchException.Disallowed(next));
            }
            Mono<FetchResult> hop = request(pageUrl, next, validators, redirects);
            return sameOrigin(from, next) ? hop : limits.limited(next, hop);
        });
    }

    private static boolean sameOrigin(String a, String b) {
        URI x = URI.create(a);
        URI y = URI.create(b);
        return java.util.Objects.equals(x.getScheme(), y.getScheme()) && java.util.Objects.equals(x.getHost(), y.getHost())
                && x.getPort() == y.getPort();
    }

    private Mono<FetchResult> read(String url, ClientResponse response) {
        HttpStatusCode status = response.statusCode();
        if (status.value() == 304) {
            return response.releaseBody().thenReturn(new FetchResult.NotModified(url));
        }
        if (status.is2xxSuccessful()) {
            return body(url, response);
        }
        return response.releaseBody().then(Mono.error(failure(url, status, response.headers().asHttpHeaders())));
    }

    private Mono<FetchResult> body(String url, ClientResponse response) {
        long declared = response.headers().contentLength().orElse(-1);
        if (declared > properties.maxBodySize().toBytes()) {
            return response.releaseBody().then(Mono.error(tooLarge(url)));
        }
        HttpHeaders headers = response.headers().asHttpHeaders();
        return response.bodyToMono(byte[].class).defaultIfEmpty(new byte[0])
                .map(body -> (FetchResult) new FetchResult.Fetched(
                        FetchedPage.of(url, clock.instant(), body, charsetOf(headers)),
                        headers.getContentType() == null ? null : headers.getContentType().toString(),
                        Validators.of(headers)))
                .onErrorMap(DataBufferLimitException.class, e -> tooLarge(url));
    }

    private FetchException tooLarge(String url) {
        return FetchException.permanent(url + ": body larger than " + properties.maxBodySize());
    }

    private static FetchException failure(String url, HttpStatusCode status, HttpHeaders headers) {
        if (Redirects.is(status.value())) {
            return FetchException.permanent(url + ": more redirects than allowed");
        }
        boolean retryable = status.value() == 429 || status.is5xxServerError();
        return new FetchException(url + ": HTTP " + status.value(), retryable, retryAfter(headers));
    }

    private static Throwable classify(Throwable error) {
        if (error instanceof TimeoutException) {
            return new FetchException("no complete response in time", true, null);
        }
        if (error instanceof WebClientRequestException || error.getCause() instanceof TimeoutException) {
            return new FetchException("request failed: " + error.getMessage(), true, null);
        }
        return new FetchException(String.valueOf(error.getMessage()), false, null);
    }

    /** Retry-After as delta-seconds or an HTTP date (RFC 9110, 10.2.3); null when absent or unreadable. */
    static Duration retryAfter(HttpHeaders headers) {
        String value = headers.getFirst(HttpHeaders.RETRY_AFTER);
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Duration.ofSeconds(Math.max(0, Long.parseLong(value.strip())));
        } catch (NumberFormatException notSeconds) {
            try {
                ZonedDateTime at = ZonedDateTime.parse(value.strip(), DateTimeFormatter.RFC_1123_DATE_TIME);
                Duration wait = Duration.between(java.time.Instant.now(), at.toInstant());
                return wait.isNegative() ? Duration.ZERO : wait;
            } catch (java.time.format.DateTimeParseException notADate) {
                return null;
            }
        }
    }

    private static Charset charsetOf(HttpHeaders headers) {
        MediaType type = headers.getContentType();
        return type == null ? null : type.getCharset();
    }
}
