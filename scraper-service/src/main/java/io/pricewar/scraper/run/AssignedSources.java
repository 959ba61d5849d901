package io.pricewar.scraper.run;

import io.pricewar.scraper.source.Source;

import java.time.Instant;
import java.util.List;

/** The sources this replica scrapes now; the assignment decides which, the scheduler when. */
public interface AssignedSources {

    /** A source to scrape, and when someone last asked for it to be scraped now (null if never). */
    record Assigned(Source source, Instant scrapeRequestedAt) {
    }

    List<Assigned> current();
}
