/** The pricing pages to scrape, as data: where each is, how often, and the rule that reads it. */
package io.pricewar.scraper.source;
