package io.pricewar.scraper.fetch;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

import java.time.Duration;

/**
 * How pages are fetched, politely and defensively.
 *
 * @param userAgent       sent with every request, naming PriceWar and a contact, so a vendor can tell who reads its page
 * @param robotsAgent     the product token robots.txt groups are matched against
 * @param timeout         for one whole attempt, connect and body included
 * @param connectTimeout  to open the connection
 * @param readTimeout     the longest silence while reading a response
 * @param maxBodySize     a larger body is a failed fetch, never a truncated page
 * @param maxRedirects    redirects followed before the fetch fails
 * @param maxAttempts     attempts per fetch, the first included, for errors worth retrying (429, 5xx, timeouts)
 * @param backoff         the wait before the first retry; doubled for each further one, with jitter
 * @param maxBackoff      the longest wait between attempts
 * @param maxRetryAfter   a server asking to wait longer than this fails the fetch; the next scheduled run tries again
 * @param perHostInterval at most one request to a host per this interval, robots.txt included
 * @param robotsCacheTtl  how long a host's robots.txt is trusted (RFC 9309 asks for at most 24 hours)
 */
@ConfigurationProperties("pricewar.scraper.fetch")
public record FetchProperties(String userAgent, String robotsAgent, Duration timeout, Duration connectTimeout,
                              Duration readTimeout, DataSize maxBodySize, int maxRedirects, int maxAttempts,
                              Duration backoff, Duration maxBackoff, Duration maxRetryAfter,
                              Duration perHostInterval, Duration robotsCacheTtl) {

    public FetchProperties {
        userAgent = userAgent != null ? userAgent : "PriceWarBot/0.1 (+https://pricewar.example/bot; bot@pricewar.example)";
        robotsAgent = robotsAgent != null ? robotsAgent : "PriceWarBot";
        timeout = timeout != null ? timeout : Duration.ofSeconds(30);
        connectTimeout = connectTimeout != null ? connectTimeout : Duration.ofSeconds(5);
        readTimeout = readTimeout != null ? readTimeout : Duration.ofSeconds(10);
        maxBodySize = maxBodySize != null ? maxBodySize : DataSize.ofMegabytes(5);
        maxRedirects = maxRedirects > 0 ? maxRedirects : 5;
        maxAttempts = maxAttempts > 0 ? maxAttempts : 3;
        backoff = backoff != null ? backoff : Duration.ofSeconds(1);
        maxBackoff = maxBackoff != null ? maxBackoff : Duration.ofSeconds(30);
        maxRetryAfter = maxRetryAfter != null ? maxRetryAfter : Duration.ofMinutes(2);
        perHostInterval = perHostInterval != null ? perHostInterval : Duration.ofSeconds(1);
        robotsCacheTtl = robotsCacheTtl != null ? robotsCacheTtl : Duration.ofHours(24);
    }
}
