package io.pricewar.alert.delivery;

import io.netty.channel.ChannelOption;
import io.pricewar.alert.delivery.guard.DestinationGuard;
import io.pricewar.alert.delivery.guard.GuardedAddressResolver;
import io.pricewar.alert.delivery.guard.NameLookup;
import io.pricewar.alert.delivery.guard.RefusedDestinationException;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;
import reactor.netty.resources.LoopResources;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeoutException;

/**
 * Makes one signed call of a webhook and says how it went; retrying is the caller's business, so
 * that every attempt is recorded before the next. The client follows no redirect, reads at most
 * {@code maxResponseBytes} of an answer, gives up after {@code attemptTimeout}, and connects only
 * to addresses the guard permits.
 */
@Component
class WebhookSender implements DisposableBean {

    private static final int REASON_BODY_CHARS = 200;

    private final DeliveryProperties properties;
    private final DestinationGuard guard;
    private final Clock clock;
    private final ExecutorService lookups = Executors.newVirtualThreadPerTaskExecutor();
    private final LoopResources loops;
    private final ConnectionProvider connections;
    private final WebClient client;

    @Autowired
    WebhookSender(DeliveryProperties properties, DestinationGuard guard) {
        this(properties, guard, NameLookup.SYSTEM, Clock.systemUTC());
    }

    WebhookSender(DeliveryProperties properties, DestinationGuard guard, NameLookup lookup, Clock clock) {
        this.properties = properties;
        this.clock = clock;
        this.guard = guard;
        // Its own event loops and pool, closed with the service once Deliveries has let the calls
        // in flight finish, so that a call still going then stops too rather than finishing unrecorded.
        this.loops = LoopResources.create("alert-webhooks", 2, true);
        this.connections = ConnectionProvider.builder("alert-webhooks")
                .maxConnections(properties.maxInFlight())
                .pendingAcquireMaxCount(-1)
                .build();
        HttpClient http = HttpClient.create(connections)
                .runOn(loops)
                .resolver(GuardedAddressResolver.group(lookup, guard.policy(), lookups))
                .followRedirect(false)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, Math.toIntExact(properties.connectTimeout().toMillis()))
                .responseTimeout(properties.responseTimeout());
        this.client = WebClient.builder().clientConnector(new ReactorClientHttpConnector(http)).build();
    }

    Mono<AttemptResult> attempt(URI url, String messageId, String secret, String payload) {
        var refusal = guard.refusal(url);
        if (refusal.isPresent()) {
            return Mono.just(new AttemptResult.Refused("refused to call " + url + ": " + refusal.get()));
        }
        long timestamp = clock.instant().getEpochSecond();
        return client.post().uri(url)
                .contentType(MediaType.APPLICATION_JSON)
                .header(WebhookSignature.ID_HEADER, messageId)
                .header(WebhookSignature.TIMESTAMP_HEADER, Long.toString(timestamp))
                .header(WebhookSignature.SIGNATURE_HEADER, WebhookSignature.sign(secret, messageId, timestamp, payload))
                .bodyValue(payload)
                .exchangeToMono(this::classify)
                .timeout(properties.attemptTimeout())
                .onErrorResume(error -> Mono.just(failure(error)));
    }

    private Mono<AttemptResult> classify(ClientResponse response) {
        int status = response.statusCode().value();
        Duration retryAfter = retryAfter(response.headers().asHttpHeaders().getFirst(HttpHeaders.RETRY_AFTER));
        return cappedBody(response).map(body -> {
            if (response.statusCode().is2xxSuccessful()) {
                return new AttemptResult.Delivered(status);
            }
            if (status == 410) {
                return new AttemptResult.Gone(status);
            }
            if (response.statusCode().is3xxRedirection()) {
                return new AttemptResult.Redirected(redirectReason(response, status), status);
            }
            return new AttemptResult.Retry(reasonFor(status, body), status, retryAfter);
        });
    }

    private static String redirectReason(ClientResponse response, int status) {
        String location = response.headers().asHttpHeaders().getFirst(HttpHeaders.LOCATION);
        return "the endpoint redirects (HTTP " + status + (location == null ? "" : " to " + location)
                + ") and redirects are not followed: point the subscription at the final URL";
    }

    private static String reasonFor(int status, String body) {
        String excerpt = body.strip();
        if (excerpt.length() > REASON_BODY_CHARS) {
            excerpt = excerpt.substring(0, REASON_BODY_CHARS) + "...";
        }
        return "webhook answered HTTP " + status + (excerpt.isEmpty() ? "" : ": " + excerpt);
    }

    /** Reads no more of the body than the cap; stopping early closes the connection instead. */
    private Mono<String> cappedBody(ClientResponse response) {
        return DataBufferUtils.join(DataBufferUtils.takeUntilByteCount(response.bodyToFlux(DataBuffer.class),
                        properties.maxResponseBytes()))
                .map(buffer -> {
                    String text = buffer.toString(StandardCharsets.UTF_8);
                    DataBufferUtils.release(buffer);
                    return text;
                })
                .defaultIfEmpty("");
    }

    private AttemptResult failure(Throwable error) {
        RefusedDestinationException refused = causeOf(error, RefusedDestinationException.class);
        if (refused != null) {
            return new AttemptResult.Refused(refused.getMessage());
        }
        if (causeOf(error, TimeoutException.class) != null
                || causeOf(error, io.netty.handler.timeout.ReadTimeoutException.class) != null) {
            return new AttemptResult.Retry("no answer within " + properties.attemptTimeout().toMillis() + " ms",
                    null, null);
        }
        Throwable root = error;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return new AttemptResult.Retry(root.getClass().getSimpleName()
                + (root.getMessage() == null ? "" : ": " + root.getMessage()), null, null);
    }

    /** Retry-After as delay-seconds or an HTTP date (RFC 9110 10.2.3); anything else is ignored. */
    Duration retryAfter(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String text = value.strip();
        try {
            long seconds = Long.parseLong(text);
            return seconds < 0 ? null : Duration.ofSeconds(seconds);
        } catch (NumberFormatException notSeconds) {
            try {
                Instant at = ZonedDateTime.parse(text, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
                Duration wait = Duration.between(clock.instant(), at);
                return wait.isNegative() ? Duration.ZERO : wait;
            } catch (DateTimeParseException notADate) {
                return null;
            }
        }
    }

    private static <T extends Throwable> T causeOf(Throwable error, Class<T> type) {
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }

    @Override
    public void destroy() {
        connections.dispose();
        loops.dispose();
        lookups.shutdownNow();
    }
}
