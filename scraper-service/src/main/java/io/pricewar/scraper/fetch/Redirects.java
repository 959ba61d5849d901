package io.pricewar.scraper.fetch;

import org.springframework.http.HttpHeaders;
import org.springframework.web.reactive.function.client.ClientResponse;
import reactor.core.publisher.Mono;

import java.net.URI;

/**
 * Redirects as the page fetch and robots.txt both follow them, by hand and one hop at a time:
 * the client follows none itself, so that each caller can count the hops and decide where a
 * hop may lead.
 */
final class Redirects {

    private Redirects() {
    }

    static boolean is(int status) {
        return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
    }

    /** Where a redirect points, resolved against the URL that answered it; its body is released. */
    static Mono<String> target(String url, ClientResponse response) {
        String location = response.headers().asHttpHeaders().getFirst(HttpHeaders.LOCATION);
        if (location == null || location.isBlank()) {
            return response.releaseBody().then(Mono.error(FetchException.permanent(url + ": a redirect without a Location")));
        }
        try {
            return response.releaseBody().thenReturn(URI.create(url).resolve(location.strip()).toString());
        } catch (IllegalArgumentException e) {
            return response.releaseBody().then(Mono.error(FetchException.permanent(url + ": unreadable Location " + location)));
        }
    }
}
