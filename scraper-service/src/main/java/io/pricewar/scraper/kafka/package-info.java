/**
 * The scraper's Kafka adapters: publishing price events, page snapshots and scrape health, and
 * following the log to keep the price book current.
 */
package io.pricewar.scraper.kafka;
