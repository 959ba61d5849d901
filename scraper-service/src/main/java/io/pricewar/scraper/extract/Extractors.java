package io.pricewar.scraper.extract;

import io.pricewar.scraper.fetch.FetchedPage;
import io.pricewar.scraper.source.Source;
import org.jsoup.Jsoup;

/**
 * The one entry point from a fetched page to its prices: picks the reader for the source's rule.
 * Running, diffing and publishing never look inside a page themselves.
 */
public final class Extractors {

    private Extractors() {
    }

    public static Extraction extract(Source source, FetchedPage page) {
        return TableExtractor.extract(Jsoup.parse(page.text(), page.url()), source.vendor(), source.table(),
                new PriceNotation.Context(source.currency(), null));
    }
}
