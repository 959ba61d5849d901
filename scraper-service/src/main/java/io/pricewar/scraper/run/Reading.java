package io.pricewar.scraper.run;

import io.pricewar.scraper.extract.Extraction;
import io.pricewar.scraper.fetch.FetchedPage;

/** One page as this run has it: the body, what it yielded, and whether it is the one read last time. */
record Reading(FetchedPage page, String contentType, Extraction extraction, boolean unchanged) {
}
