package io.pricewar.scraper.fetch;

import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.github.resilience4j.ratelimiter.RateLimiterRegistry;
import io.github.resilience4j.reactor.ratelimiter.operator.RateLimiterOperator;
import reactor.core.publisher.Mono;

import java.net.URI;
import java.time.Duration;

/**
 * At most one request per host per interval, whoever asks (page, robots.txt, retry): several
 * sources on one vendor's site must not add up to a burst. A request waits its turn (delayed
 * subscription) rather than failing, up to a limit.
 */
final class HostRateLimits {

    private final RateLimiterRegistry registry;

    HostRateLimits(Duration perHostInterval, Duration longestWait) {
        this.registry = RateLimiterRegistry.of(RateLimiterConfig.custom()
                .limitForPeriod(1)
                .limitRefreshPeriod(perHostInterval)
                .timeoutDuration(longestWait)
                .build());
    }

    <T> Mono<T> limited(String url, Mono<T> request) {
        RateLimiter limiter = registry.rateLimiter(hostOf(url));
        return request.transformDeferred(RateLimiterOperator.of(limiter));
    }

    private static String hostOf(String url) {
        URI uri = URI.create(url);
        return uri.getHost() + ":" + uri.getPort();
    }
}
