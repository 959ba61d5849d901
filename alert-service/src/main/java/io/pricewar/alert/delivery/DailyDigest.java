package io.pricewar.alert.delivery;

import tools.jackson.databind.JsonNode;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * What a subscriber that chose a daily digest receives once a day instead of one notification at
 * a time: every notification of the digest day, each exactly as it would have been sent alone
 * (point, old and new price, event id), oldest first. It goes through the outbox like any
 * notification, under the event id {@code digest-<day>}, so at most one digest per subscription
 * and day can ever be recorded.
 *
 * @param day   the digest day, which runs from {@code from} to {@code until}
 * @param zone  the time zone the day is counted in
 * @param count how many notifications it lists
 */
public record DailyDigest(String kind, String eventId, String subscriptionId, LocalDate day, String zone,
                          Instant from, Instant until, int count, List<JsonNode> notifications) {

    public static final String KIND = "DAILY_DIGEST";

    public static DailyDigest of(String subscriptionId, LocalDate day, String zone, Instant from, Instant until,
                                 List<JsonNode> notifications) {
        return new DailyDigest(KIND, eventIdOf(day), subscriptionId, day, zone, from, until, notifications.size(),
                List.copyOf(notifications));
    }

    /** The event id a digest stands for in the outbox: one per day. */
    public static String eventIdOf(LocalDate day) {
        return "digest-" + day;
    }
}
