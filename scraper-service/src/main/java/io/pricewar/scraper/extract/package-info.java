/**
 * Reading prices off a fetched page: the notation parser ("0.0008元/千tokens", "¥0.5", "免费")
 * and the table extractor. Plain Java over jsoup; a cell that cannot be read unambiguously is
 * rejected with a reason, never guessed and never taken as a price of zero.
 */
package io.pricewar.scraper.extract;
