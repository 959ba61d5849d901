package io.pricewar.alert.subscription;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;

import static org.assertj.core.api.Assertions.assertThat;

/** Which digest day a notification belongs to, and when each day's digest is due. */
class DigestScheduleTest {

    static final DigestSchedule SHANGHAI_8AM = new DigestSchedule(LocalTime.of(8, 0), ZoneId.of("Asia/Shanghai"));

    @Test
    void aDayRunsFromTheCutOverInTheSubscribersZoneToTheNextOne() {
        LocalDate may15 = LocalDate.of(2024, 5, 15);

        // 08:00 in Shanghai (UTC+8) is midnight UTC.
        assertThat(SHANGHAI_8AM.startOf(may15)).isEqualTo(Instant.parse("2024-05-15T00:00:00Z"));
        assertThat(SHANGHAI_8AM.endOf(may15)).isEqualTo(Instant.parse("2024-05-16T00:00:00Z"));
        // 23:30 local on the 15th and 07:59:59 local on the 16th are both in the day of the 15th.
        assertThat(SHANGHAI_8AM.dayOf(Instant.parse("2024-05-15T15:30:00Z"))).isEqualTo(may15);
        assertThat(SHANGHAI_8AM.dayOf(Instant.parse("2024-05-15T23:59:59.999Z"))).isEqualTo(may15);
    }

    @Test
    void theCutOverInstantItselfBelongsToTheNewDayAndTheInstantBeforeToTheOldOne() {
        Instant cutOver = Instant.parse("2024-05-16T00:00:00Z");

        assertThat(SHANGHAI_8AM.dayOf(cutOver)).isEqualTo(LocalDate.of(2024, 5, 16));
        assertThat(SHANGHAI_8AM.dayOf(cutOver.minusNanos(1))).isEqualTo(LocalDate.of(2024, 5, 15));
    }

    @Test
    void oneInstantFallsInDifferentDaysInDifferentZones() {
        Instant instant = Instant.parse("2024-05-15T20:00:00Z");
        DigestSchedule utcMidnight = new DigestSchedule(LocalTime.MIDNIGHT, ZoneId.of("UTC"));
        DigestSchedule shanghaiMidnight = new DigestSchedule(LocalTime.MIDNIGHT, ZoneId.of("Asia/Shanghai"));
        DigestSchedule losAngelesMidnight = new DigestSchedule(LocalTime.MIDNIGHT, ZoneId.of("America/Los_Angeles"));

        assertThat(utcMidnight.dayOf(instant)).isEqualTo(LocalDate.of(2024, 5, 15));
        // 04:00 on the 16th in Shanghai; 13:00 on the 15th in Los Angeles.
        assertThat(shanghaiMidnight.dayOf(instant)).isEqualTo(LocalDate.of(2024, 5, 16));
        assertThat(losAngelesMidnight.dayOf(instant)).isEqualTo(LocalDate.of(2024, 5, 15));
        assertThat(losAngelesMidnight.endOf(LocalDate.of(2024, 5, 15))).isEqualTo(Instant.parse("2024-05-16T07:00:00Z"));
    }

    @Test
    void daysAre23Or25HoursLongWhereTheClocksChange() {
        DigestSchedule berlinMidnight = new DigestSchedule(LocalTime.MIDNIGHT, ZoneId.of("Europe/Berlin"));
        LocalDate springForward = LocalDate.of(2024, 3, 31);
        LocalDate fallBack = LocalDate.of(2024, 10, 27);

        assertThat(Duration.between(berlinMidnight.startOf(springForward), berlinMidnight.endOf(springForward)))
                .isEqualTo(Duration.ofHours(23));
        assertThat(Duration.between(berlinMidnight.startOf(fallBack), berlinMidnight.endOf(fallBack)))
                .isEqualTo(Duration.ofHours(25));
    }

    @Test
    void aCutOverTheClocksSkipIsMovedPastTheGapAndOneTheyRepeatIsItsFirstOccurrence() {
        DigestSchedule berlin0230 = new DigestSchedule(LocalTime.of(2, 30), ZoneId.of("Europe/Berlin"));

        // 02:30 does not exist on 31 March 2024 in Berlin: 03:30 CEST.
        assertThat(berlin0230.startOf(LocalDate.of(2024, 3, 31))).isEqualTo(Instant.parse("2024-03-31T01:30:00Z"));
        // 02:30 happens twice on 27 October 2024: the first, CEST.
        assertThat(berlin0230.startOf(LocalDate.of(2024, 10, 27))).isEqualTo(Instant.parse("2024-10-27T00:30:00Z"));
        // The second 02:30 (CET) is after the cut-over, so already in the day of the 27th.
        assertThat(berlin0230.dayOf(Instant.parse("2024-10-27T01:30:00Z"))).isEqualTo(LocalDate.of(2024, 10, 27));
    }
}
