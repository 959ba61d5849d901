package io.pricewar.scraper.source;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.util.List;

/**
 * The sources to scrape from {@code pricewar.scraper.sources} in {@code scraper.yml} or any
 * override; a definition with a problem stops the start with every problem named.
 */
@ConfigurationProperties("pricewar.scraper")
public record SourceProperties(List<Source> sources) {

    public SourceProperties {
        sources = sources == null ? List.of() : List.copyOf(sources);
        sources.forEach(source -> SourceValidator.requireValid(source, "pricewar.scraper.sources"));
    }
}
