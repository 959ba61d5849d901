package io.pricewar.ledger.projection;

import io.pricewar.events.PriceEvent;

/** An event as read from the log, with the position it was read from. */
public record SourcedEvent(PriceEvent event, SourcePosition position) {
}
