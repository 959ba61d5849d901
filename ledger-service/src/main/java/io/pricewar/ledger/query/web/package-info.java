/**
 * The ledger's price API under {@code /api/v1/prices}. Amounts are JSON strings in plain
 * notation, so no client's number type can round them; user errors are RFC 9457 problem details.
 */
package io.pricewar.ledger.query.web;
