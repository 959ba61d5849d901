/**
 * Rules: what a subscriber wants to hear of. {@link io.pricewar.alert.rules.AlertCondition} (sealed)
 * judges one event; {@link io.pricewar.alert.rules.BlendedPrice} judges a model on the subscriber's
 * own token mix, which is how headline input-price cuts are seen through;
 * {@link io.pricewar.alert.rules.FxRates} converts thresholds with dated, named rates. Plain Java:
 * no Spring, Kafka or MongoDB types.
 */
package io.pricewar.alert.rules;
