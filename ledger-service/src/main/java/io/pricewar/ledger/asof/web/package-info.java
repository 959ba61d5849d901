/** {@code GET /api/v1/prices/as-of}: prices on either time axis at an instant. */
package io.pricewar.ledger.asof.web;
