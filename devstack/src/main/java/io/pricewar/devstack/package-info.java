/**
 * The whole of PriceWar on one machine without Docker: the real Kafka broker and a MongoDB
 * wire-protocol server in-JVM, the three services, a demo vendor site replaying the May 2024
 * price war, and a webhook receiver that prints notifications to the console.
 */
package io.pricewar.devstack;
