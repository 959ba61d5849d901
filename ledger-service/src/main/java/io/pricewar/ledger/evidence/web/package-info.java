/** {@code GET /api/v1/evidence/{sha256}}: the body as fetched, with its content type. */
package io.pricewar.ledger.evidence.web;
