package io.pricewar.scraper.fetch;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

import java.time.Duration;

/**
 * How pages are fetched.
 *
 * @param userAgent     sent with every request, naming PriceWar and a contact, so a vendor can tell who reads its page
 * @param timeout       for the whole response, connect included
 * @param maxBodySize   a larger body is a failed fetch, not a truncated page
 */
@ConfigurationProperties("pricewar.scraper.fetch")
public record FetchProperties(String userAgent, Duration timeout, DataSize maxBodySize) {

    public FetchProperties {
        userAgent = userAgent != null ? userAgent : "PriceWarBot/0.1 (+https://pricewar.example/bot; bot@pricewar.example)";
        timeout = timeout != null ? timeout : Duration.ofSeconds(10);
        maxBodySize = maxBodySize != null ? maxBodySize : DataSize.ofMegabytes(5);
    }
}
