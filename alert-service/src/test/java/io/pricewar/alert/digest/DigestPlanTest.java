package io.pricewar.alert.digest;

import io.pricewar.alert.subscription.DigestSchedule;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Which digests are due, from the notifications held and the time. */
class DigestPlanTest {

    static final DigestSchedule SHANGHAI_8AM = new DigestSchedule(LocalTime.of(8, 0), ZoneId.of("Asia/Shanghai"));
    static final DigestSchedule UTC_MIDNIGHT = new DigestSchedule(LocalTime.MIDNIGHT, ZoneId.of("UTC"));
    /** 08:00 in Shanghai on 16 May: the day of 15 May ends. */
    static final Instant SHANGHAI_CUT_OVER = Instant.parse("2024-05-16T00:00:00Z");

    @Test
    void nothingHeldMeansNoDigest() {
        assertThat(DigestPlan.due(List.of(), SHANGHAI_CUT_OVER.plusSeconds(86_400))).isEmpty();
    }

    @Test
    void aDayIsDueAtItsCutOverAndNotAMomentBefore() {
        List<DigestItem> held = List.of(item("s1", "e1", SHANGHAI_8AM, "2024-05-15T03:00:00Z"),
                item("s1", "e2", SHANGHAI_8AM, "2024-05-15T22:00:00Z"));

        assertThat(DigestPlan.due(held, SHANGHAI_CUT_OVER.minusMillis(1))).isEmpty();
        assertThat(DigestPlan.due(held, SHANGHAI_CUT_OVER))
                .containsExactly(new DigestItem.DigestKey("s1", LocalDate.of(2024, 5, 15)));
    }

    @Test
    void eachSubscriptionAndDayIsOneDigestTheEarliestDayFirst() {
        List<DigestItem> held = List.of(
                item("s1", "e3", SHANGHAI_8AM, "2024-05-16T01:00:00Z"),
                item("s1", "e1", SHANGHAI_8AM, "2024-05-15T01:00:00Z"),
                item("s1", "e2", SHANGHAI_8AM, "2024-05-15T02:00:00Z"),
                // In UTC, the day of the 15th, which ends at the same instant as Shanghai's.
                item("s2", "e1", UTC_MIDNIGHT, "2024-05-15T01:00:00Z"),
                // Not due yet at the time below.
                item("s2", "e4", UTC_MIDNIGHT, "2024-05-17T12:00:00Z"));

        assertThat(DigestPlan.due(held, Instant.parse("2024-05-17T00:00:00Z"))).containsExactly(
                new DigestItem.DigestKey("s1", LocalDate.of(2024, 5, 15)),
                new DigestItem.DigestKey("s2", LocalDate.of(2024, 5, 15)),
                new DigestItem.DigestKey("s1", LocalDate.of(2024, 5, 16)));
    }

    @Test
    void anItemLateForItsDayMovesToTheNextDayInItsZone() {
        DigestSchedule berlinMidnight = new DigestSchedule(LocalTime.MIDNIGHT, ZoneId.of("Europe/Berlin"));
        DigestItem late = item("s1", "e1", berlinMidnight, "2024-03-30T12:00:00Z");

        DigestItem moved = late.nextDay();

        assertThat(moved.day()).isEqualTo(LocalDate.of(2024, 3, 31));
        assertThat(moved.opensAt()).isEqualTo(late.closesAt());
        // The clocks change that night: the day of 31 March ends 23 hours after it begins.
        assertThat(moved.closesAt()).isEqualTo(berlinMidnight.endOf(LocalDate.of(2024, 3, 31)));
    }

    private static DigestItem item(String subscriptionId, String eventId, DigestSchedule schedule, String collectedAt) {
        return DigestItem.of(subscriptionId, eventId, "{}", schedule, Instant.parse(collectedAt));
    }
}
