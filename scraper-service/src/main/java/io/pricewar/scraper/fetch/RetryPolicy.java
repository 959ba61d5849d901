package io.pricewar.scraper.fetch;

import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Exponential backoff with jitter that honours Retry-After. Reactor's {@code Retry.backoff}
 * cannot take the wait from the failure itself (a 429's Retry-After), hence this small spec on
 * {@link Retry#from}: the wait is the larger of the backoff and what the server asked for, and a
 * server asking for more than {@code maxRetryAfter} ends the fetch (the next scheduled run comes
 * back later anyway) instead of holding a run for an hour.
 */
final class RetryPolicy {

    private final FetchProperties properties;

    RetryPolicy(FetchProperties properties) {
        this.properties = properties;
    }

    Retry spec() {
        return Retry.from(signals -> signals.concatMap(signal -> {
            Throwable failure = signal.failure();
            long attempt = signal.totalRetries() + 1;
            if (!(failure instanceof FetchException fetch) || !fetch.retryable() || attempt >= properties.maxAttempts()) {
                return Mono.error(failure);
            }
            if (fetch.retryAfter() != null && fetch.retryAfter().compareTo(properties.maxRetryAfter()) > 0) {
                return Mono.error(FetchException.permanent(fetch.getMessage() + "; server asks to wait "
                        + fetch.retryAfter() + ", longer than " + properties.maxRetryAfter() + ": next run"));
            }
            return Mono.delay(waitBefore(attempt, fetch.retryAfter()));
        }));
    }

    Duration waitBefore(long attempt, Duration retryAfter) {
        long base = properties.backoff().toMillis() << Math.min(attempt - 1, 20);
        long capped = Math.min(base, properties.maxBackoff().toMillis());
        // Full jitter between half and all of the backoff, so replicas do not retry in step.
        long jittered = capped / 2 + ThreadLocalRandom.current().nextLong(capped / 2 + 1);
        Duration backoff = Duration.ofMillis(jittered);
        return retryAfter != null && retryAfter.compareTo(backoff) > 0 ? retryAfter : backoff;
    }
}
