/** Reads current prices and history from the collections the projection writes. */
package io.pricewar.ledger.query.mongo;
