package io.pricewar.scraper.fetch;

import crawlercommons.robots.BaseRobotRules;
import crawlercommons.robots.SimpleRobotRulesParser;
import org.springframework.http.HttpStatusCode;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * robots.txt per RFC 9309, parsed by crawler-commons and cached per origin. A robots.txt that
 * is "unavailable" (4xx) allows everything; one that is "unreachable" (5xx, network error) means
 * complete disallow, re-checked after a short while rather than a day, as the RFC asks.
 */
final class RobotsRules {

    private static final Duration UNREACHABLE_TTL = Duration.ofMinutes(1);

    private record Cached(BaseRobotRules rules, Duration ttl) {
    }

    private final WebClient client;
    private final HostRateLimits limits;
    private final FetchProperties properties;
    private final SimpleRobotRulesParser parser = new SimpleRobotRulesParser();
    private final Map<String, Mono<Cached>> byOrigin = new ConcurrentHashMap<>();

    RobotsRules(WebClient client, HostRateLimits limits, FetchProperties properties) {
        this.client = client;
        this.limits = limits;
        this.properties = properties;
    }

    Mono<Boolean> allows(String url) {
        String robotsUrl = URI.create(url).resolve("/robots.txt").toString();
        return byOrigin.computeIfAbsent(robotsUrl, this::cachedFetch).map(cached -> cached.rules().isAllowed(url));
    }

    private Mono<Cached> cachedFetch(String robotsUrl) {
        return fetch(robotsUrl).cache(Cached::ttl, error -> Duration.ZERO, () -> Duration.ZERO);
    }

    private Mono<Cached> fetch(String robotsUrl) {
        Mono<Cached> request = client.get().uri(robotsUrl).exchangeToMono(response -> {
            HttpStatusCode status = response.statusCode();
            if (status.is2xxSuccessful()) {
                return response.bodyToMono(byte[].class).defaultIfEmpty(new byte[0])
                        .map(body -> new Cached(parse(robotsUrl, body, response), properties.robotsCacheTtl()));
            }
            BaseRobotRules rules = parser.failedFetch(status.value());
            Duration ttl = status.is4xxClientError() ? properties.robotsCacheTtl() : UNREACHABLE_TTL;
            return response.releaseBody().thenReturn(new Cached(rules, ttl));
        });
        return limits.limited(robotsUrl, request)
                .timeout(properties.timeout())
                .onErrorResume(error -> Mono.just(new Cached(parser.failedFetch(503), UNREACHABLE_TTL)));
    }

    private BaseRobotRules parse(String robotsUrl, byte[] body,
                                 org.springframework.web.reactive.function.client.ClientResponse response) {
        String type = response.headers().contentType().map(Object::toString).orElse("text/plain");
        return parser.parseContent(robotsUrl, body, type, List.of(properties.robotsAgent().toLowerCase()));
    }
}
