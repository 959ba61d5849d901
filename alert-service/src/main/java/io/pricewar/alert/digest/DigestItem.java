package io.pricewar.alert.digest;

import io.pricewar.alert.delivery.Delivery;
import io.pricewar.alert.subscription.DigestSchedule;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * One notification held for a subscription's daily digest, with the digest day it belongs to.
 * The day and its bounds are fixed when the notification is collected, so a later change of the
 * subscription's schedule does not move what was already collected.
 *
 * @param id           {@code subscriptionId:eventId}, the outbox's key: an event is collected once
 * @param notification the notification as the JSON it would have been sent as alone
 */
record DigestItem(String id, String subscriptionId, String eventId, LocalDate day, String zone, Instant opensAt,
                  Instant closesAt, Instant collectedAt, String notification) {

    static DigestItem of(String subscriptionId, String eventId, String notification, DigestSchedule schedule,
                         Instant now) {
        LocalDate day = schedule.dayOf(now);
        return new DigestItem(Delivery.idOf(subscriptionId, eventId), subscriptionId, eventId, day,
                schedule.zone().getId(), schedule.startOf(day), schedule.endOf(day), now, notification);
    }

    DigestKey key() {
        return new DigestKey(subscriptionId, day);
    }

    /**
     * This item moved to the next digest day: for one that arrived after its own day's digest was
     * recorded (a writer that stalled across the cut-over), so it is sent a day late rather than never.
     */
    DigestItem nextDay() {
        Instant nextClose = closesAt.atZone(ZoneId.of(zone)).plusDays(1).toInstant();
        return new DigestItem(id, subscriptionId, eventId, day.plusDays(1), zone, closesAt, nextClose, collectedAt,
                notification);
    }

    /** A subscription's digest of one day. */
    record DigestKey(String subscriptionId, LocalDate day) {
    }
}
