package io.pricewar.alert.delivery;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * When to try a failed delivery again: exponential from {@code first}, capped at {@code max},
 * with jitter so that a receiver that comes back is not hit by every retry at the same instant;
 * never sooner than the receiver asked for in Retry-After, within {@code maxRetryAfter}.
 */
record Backoff(Duration first, Duration max, Duration maxRetryAfter) {

    /** The wait after the {@code attempts}-th failed attempt (1 for the first). */
    Duration after(int attempts, Duration retryAfter) {
        Duration exponential = first.multipliedBy(1L << Math.min(attempts - 1, 30));
        Duration capped = exponential.compareTo(max) > 0 || exponential.isNegative() ? max : exponential;
        long half = capped.toMillis() / 2;
        Duration jittered = Duration.ofMillis(half + ThreadLocalRandom.current().nextLong(half + 1));
        if (retryAfter == null) {
            return jittered;
        }
        Duration asked = retryAfter.compareTo(maxRetryAfter) > 0 ? maxRetryAfter : retryAfter;
        return asked.compareTo(jittered) > 0 ? asked : jittered;
    }
}
