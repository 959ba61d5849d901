/**
 * Benchmarks that print their figures: JMH where a piece of code is measured in isolation,
 * plain {@code main} programs where a whole path (broker, database, services) is measured.
 * Each feature's benchmarks live in a sub-package ({@code bench.scraper}, {@code bench.ledger},
 * {@code bench.alert}). Run them with {@code bin/bench}; they are never part of the test suite.
 */
package io.pricewar.bench;
