/**
 * Cheapest models for a workload: a token mix (input : output : cached input), a comparison
 * currency with exchange rates from dated configuration, and an optional least context, which
 * the ledger reads from model and tier names because events carry no context field. Free of
 * Spring, Kafka and MongoDB; the {@code web} adapter reads current prices and answers.
 */
package io.pricewar.ledger.workload;
