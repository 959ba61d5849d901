/**
 * Reading prices off a fetched page. {@link io.pricewar.scraper.extract.Extractors} is the one
 * entry point; it picks the reader for the source's {@link io.pricewar.scraper.extract.ExtractionRule}:
 * models as rows (with band rows), models as columns (with merged cells and time-window
 * sections), prose cards (with discount tiers) or a JSON feed. Every reader goes through the
 * notation parser ("0.0008元/千tokens", "$3 / MTok", "限时免费") and keeps each cell's text as
 * evidence. Plain Java over jsoup and JsonPath; a cell that cannot be read unambiguously is
 * rejected with a reason, never guessed and never taken as a price of zero.
 */
package io.pricewar.scraper.extract;
