/** Runs a replay: the Kafka reader, the new generation's store, verification and the switch. */
package io.pricewar.ledger.replay.run;
