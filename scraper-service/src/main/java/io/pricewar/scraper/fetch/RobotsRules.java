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
 *
 * <p>Redirects are followed here, since the shared client follows none: up to five, to any host,
 * and the file they reach rules the origin that was asked (RFC 9309, 2.3.1.2). The RFC lets a
 * crawler take a longer chain as "unavailable", which would allow everything; a chain that long
 * is more likely a broken site than a deliberate "crawl freely", so it counts as unreachable here
 * (crawler-commons' reading of a 3xx), disallowing all until the re-check a minute later.
 */
final class RobotsRules {

    private static final Duration UNREACHABLE_TTL = Duration.ofMinutes(1);
    private static final int MAX_REDIRECTS = 5;

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
        return fetch(robotsUrl, robotsUrl, 0)
                .timeout(properties.timeout())
                .onErrorResume(error -> Mono.just(new Cached(parser.failedFetch(503), UNREACHABLE_TTL)));
    }

    /** The robots.txt of {@code robotsUrl}, asked of {@code url} after {@code redirects} hops, each at its host's pace. */
    private Mono<Cached> fetch(String robotsUrl, String url, int redirects) {
        Mono<Cached> request = client.get().uri(url).exchangeToMono(response -> {
            HttpStatusCode status = response.statusCode();
            if (status.is2xxSuccessful()) {
                return response.bodyToMono(byte[].class).defaultIfEmpty(new byte[0])
                        .map(body -> new Cached(parse(robotsUrl, body, response), properties.robotsCacheTtl()));
            }
            if (Redirects.is(status.value()) && redirects < MAX_REDIRECTS) {
                return Redirects.target(url, response).flatMap(next -> fetch(robotsUrl, next, redirects + 1));
            }
            BaseRobotRules rules = parser.failedFetch(status.value());
            Duration ttl = status.is4xxClientError() ? properties.robotsCacheTtl() : UNREACHABLE_TTL;
            return response.releaseBody().thenReturn(new Cached(rules, ttl));
        });
        return limits.limited(url, request);
    }

    private BaseRobotRules parse(String robotsUrl, byte[] body,
                                 org.springframework.web.reactive.function.client.ClientResponse response) {
        String type = response.headers().contentType().map(Object::toString).orElse("text/plain");
        return parser.parseContent(robotsUrl, body, type, List.of(properties.robotsAgent().toLowerCase()));
    }
}
