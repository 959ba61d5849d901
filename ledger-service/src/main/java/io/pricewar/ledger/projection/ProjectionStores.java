package io.pricewar.ledger.projection;

/** The store of the generation queries read now; it changes only when a replay switches. */
@FunctionalInterface
public interface ProjectionStores {

    ProjectionStore live();
}
