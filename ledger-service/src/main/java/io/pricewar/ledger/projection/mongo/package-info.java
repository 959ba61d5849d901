/**
 * Keeps the projection in MongoDB: the collections and their indexes, the mapping between
 * projection records and documents (amounts as exact Decimal128 beside their currency and
 * unit), and the idempotent writes: inserts guarded by a unique index, current prices by a
 * conditional upsert on seq, checkpoints by {@code $max}. Uses only features the in-JVM
 * Mongo-wire server also has: no transactions, no change streams.
 */
package io.pricewar.ledger.projection.mongo;
