/**
 * Benchmarks of alerting: matching one event against 100k subscriptions (index against scan,
 * JMH), end-to-end latency from the topic to a webhook, and delivery throughput when one event
 * matches 10k webhooks (plain main() on embedded Kafka and MongoDB with a local receiver).
 */
package io.pricewar.bench.alert;
