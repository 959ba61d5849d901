package io.pricewar.scraper.extract;

import io.pricewar.scraper.fetch.FetchedPage;
import io.pricewar.scraper.source.Source;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

/**
 * The one entry point from a fetched page to its prices: picks the reader for the source's rule.
 * Running, diffing and publishing never look inside a page themselves.
 */
public final class Extractors {

    private Extractors() {
    }

    public static Extraction extract(Source source, FetchedPage page) {
        return extract(source, page, new Vocabulary());
    }

    /** As {@link #extract(Source, FetchedPage)}, reusing what the source's last reading worked out. */
    public static Extraction extract(Source source, FetchedPage page, Vocabulary vocabulary) {
        PriceNotation.Context context = new PriceNotation.Context(source.currency(), null);
        ExtractionRule rule = source.rule();
        if (rule == null) {
            return Extraction.layoutChanged("source " + source.id() + " has no extraction rule");
        }
        return switch (rule) {
            case TableRule table -> TableExtractor.extract(html(page), source.vendor(), table, context, vocabulary);
            case ColumnsTableRule columns ->
                    ColumnsTableExtractor.extract(html(page), source.vendor(), columns, context, vocabulary);
            case CardRule cards -> CardExtractor.extract(html(page), source.vendor(), cards, context, vocabulary);
            case JsonFeedRule feed -> JsonFeedExtractor.extract(page.text(), source.vendor(), feed, source.currency());
        };
    }

    private static Document html(FetchedPage page) {
        return Jsoup.parse(page.text(), page.url());
    }
}
