/**
 * Audit: events of a point or vendor with their evidence, hash-chain verification of one or
 * all points from the ledger's stored copy (rebuilt into events, hashes recomputed with
 * {@link io.pricewar.events.HashChain}), and a report for a window that an auditor can check
 * against the log and the evidence bodies without trusting the ledger.
 */
package io.pricewar.ledger.audit;
