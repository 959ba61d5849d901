/** The scraper's Kafka adapters: publishing events, and rebuilding the price book from the log. */
package io.pricewar.scraper.kafka;
