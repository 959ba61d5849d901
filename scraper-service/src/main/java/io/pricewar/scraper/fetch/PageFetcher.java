package io.pricewar.scraper.fetch;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;

import java.nio.charset.Charset;
import java.time.Clock;

/**
 * Fetches a page with the configured User-Agent, timeout and body cap. The client is built here
 * rather than from Boot's WebClient.Builder, whose auto-configuration module (spring-boot-webclient
 * 4.1.1) is not published in the registry these machines reach.
 */
@Component
public class PageFetcher {

    private final WebClient client;
    private final FetchProperties properties;
    private final Clock clock;

    public PageFetcher(FetchProperties properties, Clock clock) {
        this.properties = properties;
        this.clock = clock;
        this.client = WebClient.builder()
                .defaultHeader(HttpHeaders.USER_AGENT, properties.userAgent())
                .codecs(codecs -> codecs.defaultCodecs().maxInMemorySize((int) properties.maxBodySize().toBytes()))
                .build();
    }

    /** The page, or an error (status, timeout, oversized body) for the caller to count as a failed scrape. */
    public Mono<FetchedPage> fetch(String url) {
        return client.get().uri(url)
                .accept(MediaType.TEXT_HTML, MediaType.APPLICATION_JSON, MediaType.ALL)
                .retrieve()
                .toEntity(byte[].class)
                .timeout(properties.timeout())
                .map(response -> FetchedPage.of(url, clock.instant(),
                        response.getBody() == null ? new byte[0] : response.getBody(), charsetOf(response.getHeaders())));
    }

    private static Charset charsetOf(HttpHeaders headers) {
        MediaType type = headers.getContentType();
        return type == null ? null : type.getCharset();
    }
}
