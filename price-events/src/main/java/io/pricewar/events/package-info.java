/**
 * The event contract shared by every PriceWar service: what a price point is, what an exact
 * price is, the events that record how prices change, their JSON wire format and the topics
 * they travel on. Nothing here depends on Spring, Kafka or MongoDB, so any consumer can read
 * the log with this module and a JSON library.
 */
package io.pricewar.events;
