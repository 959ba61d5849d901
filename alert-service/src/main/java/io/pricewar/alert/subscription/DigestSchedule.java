package io.pricewar.alert.subscription;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Objects;

/**
 * A subscription's choice to hear once a day, in one digest, instead of one notification at a
 * time. Digest day D runs from {@code at} on D until {@code at} on the next day, in {@code zone}
 * (so a day is 23 or 25 hours long where the clocks change), and its digest is due when it ends.
 * With {@code at} 08:00 in Asia/Shanghai, what matched from 08:00 on 15 May until 08:00 on 16 May
 * is the digest of 15 May, sent at 08:00 on 16 May.
 */
public record DigestSchedule(LocalTime at, ZoneId zone) {

    public DigestSchedule {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(zone, "zone");
    }

    /** The digest day a notification matched at {@code instant} belongs to. */
    public LocalDate dayOf(Instant instant) {
        LocalDate localDate = instant.atZone(zone).toLocalDate();
        return instant.isBefore(startOf(localDate)) ? localDate.minusDays(1) : localDate;
    }

    /**
     * When digest day {@code day} begins: {@code at} on that date in the zone. A time the clocks
     * skip (a spring-forward gap) is moved forward by the gap; a time they repeat is its first
     * occurrence ({@link ZonedDateTime#of}).
     */
    public Instant startOf(LocalDate day) {
        return ZonedDateTime.of(day, at, zone).toInstant();
    }

    /** When digest day {@code day} ends, and its digest is due. */
    public Instant endOf(LocalDate day) {
        return startOf(day.plusDays(1));
    }
}
