package io.pricewar.alert.delivery;

import io.netty.channel.ChannelOption;
import org.springframework.http.MediaType;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.WebClientResponseException;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;
import reactor.util.retry.Retry;

import java.net.URI;
import java.util.concurrent.atomic.AtomicInteger;

/** POSTs a notification to a webhook, retrying with exponential backoff until it answers 2xx. */
@Component
class WebhookSender {

    /** How one round of attempts ended; attempts counts the first one too. */
    record Outcome(boolean delivered, int attempts, String failureReason) {
    }

    private final WebClient client;
    private final DeliveryProperties properties;

    WebhookSender(DeliveryProperties properties) {
        this.properties = properties;
        this.client = WebClient.builder().clientConnector(connector(properties)).build();
    }

    Mono<Outcome> send(URI webhookUrl, String payload) {
        AtomicInteger attempts = new AtomicInteger();
        return Mono.defer(() -> {
                    attempts.incrementAndGet();
                    return post(webhookUrl, payload);
                })
                .retryWhen(backoff())
                .then(Mono.fromSupplier(() -> new Outcome(true, attempts.get(), null)))
                .onErrorResume(error -> Mono.just(new Outcome(false, attempts.get(), reason(error))));
    }

    private Mono<Void> post(URI webhookUrl, String payload) {
        return client.post().uri(webhookUrl)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(payload)
                .retrieve()
                .toBodilessEntity()
                .then();
    }

    private Retry backoff() {
        return Retry.backoff(properties.maxRetries(), properties.firstBackoff())
                .maxBackoff(properties.maxBackoff())
                // The last failure says more about why than "retries exhausted" does.
                .onRetryExhaustedThrow((spec, signal) -> signal.failure());
    }

    private static String reason(Throwable error) {
        if (error instanceof WebClientResponseException response) {
            return "webhook answered HTTP " + response.getStatusCode().value();
        }
        Throwable root = error;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + (root.getMessage() == null ? "" : ": " + root.getMessage());
    }

    private static ReactorClientHttpConnector connector(DeliveryProperties properties) {
        HttpClient http = HttpClient.create()
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, Math.toIntExact(properties.connectTimeout().toMillis()))
                .responseTimeout(properties.responseTimeout());
        return new ReactorClientHttpConnector(http);
    }
}
