/** Bodies as 255 KiB chunks plus one metadata document written last, which marks the body complete. */
package io.pricewar.ledger.evidence.mongo;
