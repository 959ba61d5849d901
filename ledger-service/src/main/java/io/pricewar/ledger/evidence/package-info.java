/**
 * Evidence: page bodies from {@code page-snapshots}, checked against their SHA-256 and kept
 * content-addressed, so that an auditor can fetch the exact page an event was read from. The
 * {@code kafka} adapter consumes the topic, {@code mongo} stores bodies in chunks (GridFS-style,
 * since the in-JVM server has no GridFS bucket helpers of its own and documents cap at 16 MB),
 * {@code web} serves them.
 */
package io.pricewar.ledger.evidence;
