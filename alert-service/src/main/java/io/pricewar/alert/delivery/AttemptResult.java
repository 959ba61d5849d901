package io.pricewar.alert.delivery;

import java.time.Duration;

/** How one call of a webhook went, as far as deciding what happens next needs to know. */
sealed interface AttemptResult {

    /** Answered 2xx. */
    record Delivered(int status) implements AttemptResult {
    }

    /** Failed in a way that may pass: 5xx, 429, any other non-2xx but 3xx and 410, a timeout, a refused connection. */
    record Retry(String reason, Integer status, Duration retryAfter) implements AttemptResult {
    }

    /**
     * Answered 3xx. Redirects are not followed (one could lead to an internal address), so the
     * endpoint will answer the same on every retry: only a new webhook URL can help.
     */
    record Redirected(String reason, int status) implements AttemptResult {
    }

    /** Answered 410: the receiver says the endpoint is gone for good. */
    record Gone(int status) implements AttemptResult {
    }

    /** The guard would not call it; trying again cannot help. */
    record Refused(String reason) implements AttemptResult {
    }
}
