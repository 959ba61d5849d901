package io.pricewar.scraper.fetch;

import java.time.Duration;

/**
 * A fetch that did not bring a page back, with why. {@link #retryable()} failures (429, 5xx,
 * timeouts, a dropped connection) are tried again with backoff; {@link #retryAfter()} is how long
 * the server asked us to wait, if it said.
 */
public class FetchException extends RuntimeException {

    private final boolean retryable;
    private final Duration retryAfter;

    public FetchException(String message, boolean retryable, Duration retryAfter) {
        super(message);
        this.retryable = retryable;
        this.retryAfter = retryAfter;
    }

    public static FetchException permanent(String message) {
        return new FetchException(message, false, null);
    }

    public boolean retryable() {
        return retryable;
    }

    public Duration retryAfter() {
        return retryAfter;
    }

    /** robots.txt does not let PriceWar read this page. Never retried. */
    public static final class Disallowed extends FetchException {
        public Disallowed(String url) {
            super("robots.txt disallows " + url, false, null);
        }
    }
}
