package io.pricewar.alert.matching;

import java.time.Instant;

/**
 * One observation of one model to judge on token mixes, once its meters are all in.
 *
 * @param appendedAt when the first event of the observation was appended to the log: only
 *                   subscriptions that existed then hear of it
 */
record ModelCheck(String vendor, String model, String tier, Instant observedAt, Instant appendedAt) {

    /** Also the event id of its notifications, so one observation is delivered once per subscription. */
    String id() {
        return "model:" + vendor + ":" + model + ":" + tier + "@" + observedAt.toEpochMilli();
    }

    String modelKey() {
        return vendor + ":" + model + ":" + tier;
    }
}
