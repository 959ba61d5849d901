/**
 * Which sources this replica scrapes: replicas share the sources through Kafka consumer-group
 * assignment of the compacted {@code scraper-sources} topic, so each source is scraped by one
 * replica and fails over when a replica stops.
 */
package io.pricewar.scraper.assign;
