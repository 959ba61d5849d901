/**
 * Replay: rebuilds every projection from offset 0 into a new generation of collections while
 * the live one keeps serving, verifies it (counts, chains, a checksum of the history both
 * generations hold), then switches by one pointer write. It reads the log with an assigned,
 * group-less consumer, so it commits nothing and moves no one's offsets, and it sends nothing
 * to the dead-letter topic; unreadable records are counted. Evidence is content-addressed and
 * shared by all generations, so it is not rebuilt.
 */
package io.pricewar.ledger.replay;
