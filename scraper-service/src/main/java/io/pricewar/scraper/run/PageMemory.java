package io.pricewar.scraper.run;

import io.pricewar.scraper.extract.Extraction;
import io.pricewar.scraper.fetch.FetchedPage;
import io.pricewar.scraper.fetch.Validators;
import io.pricewar.scraper.source.Source;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The last page read for each source, with what it yielded and the validators to send next
 * time. An unchanged page (a 304, or the same body hash) is not parsed again: its reading is
 * taken from here, so it costs nothing downstream and still counts as a confirming scrape for
 * delistings and held changes. Kept per source definition: a changed source reads afresh.
 */
final class PageMemory {

    record Remembered(Source source, FetchedPage page, String contentType, Validators validators, Extraction extraction) {
    }

    private final Map<String, Remembered> bySource = new ConcurrentHashMap<>();

    Optional<Remembered> of(Source source) {
        return Optional.ofNullable(bySource.get(source.id())).filter(r -> r.source().equals(source));
    }

    Validators validatorsFor(Source source) {
        return of(source).map(Remembered::validators).orElse(Validators.NONE);
    }

    void remember(Remembered remembered) {
        bySource.put(remembered.source().id(), remembered);
    }
}
