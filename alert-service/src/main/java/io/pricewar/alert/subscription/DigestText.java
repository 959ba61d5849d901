package io.pricewar.alert.subscription;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.pricewar.alert.web.FieldProblem;

import java.time.DateTimeException;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * A subscription's digest choice as text, the same shape in a request and an answer:
 * {@code {"daily": true, "at": "08:00", "zone": "Asia/Shanghai"}}. {@code daily} is explicit,
 * although daily is the only period, so that a PATCH can switch the digest off with
 * {@code {"daily": false}} (leaving {@code digest} out of a PATCH keeps what was set).
 *
 * @param at   the local time of day a digest day ends and its digest is sent, {@code HH:mm}
 * @param zone an IANA time-zone id ({@code Asia/Shanghai}, {@code UTC})
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DigestText(Boolean daily, String at, String zone) {

    static DigestText of(DigestSchedule schedule) {
        return schedule == null ? null : new DigestText(true, schedule.at().toString(), schedule.zone().getId());
    }

    /** Names every problem under {@code field}; empty when {@link #toSchedule()} will succeed. */
    List<FieldProblem> problems(String field) {
        List<FieldProblem> problems = new ArrayList<>();
        if (daily == null) {
            problems.add(new FieldProblem(field + ".daily", "is required: true for a daily digest, false for none"));
            return problems;
        }
        if (!daily) {
            if (at != null || zone != null) {
                problems.add(new FieldProblem(field, "takes no at or zone when daily is false"));
            }
            return problems;
        }
        if (at == null || at.isBlank()) {
            problems.add(new FieldProblem(field + ".at", "is required, a local time such as 08:00"));
        } else {
            try {
                LocalTime.parse(at.strip());
            } catch (DateTimeParseException e) {
                problems.add(new FieldProblem(field + ".at", "is not a time of day such as 08:00: '" + at + "'"));
            }
        }
        if (zone == null || zone.isBlank()) {
            problems.add(new FieldProblem(field + ".zone", "is required, an IANA time zone such as Asia/Shanghai or UTC"));
        } else {
            try {
                ZoneId.of(zone.strip());
            } catch (DateTimeException e) {
                problems.add(new FieldProblem(field + ".zone", "is not a time zone such as Asia/Shanghai: '" + zone + "'"));
            }
        }
        return problems;
    }

    /** The schedule asked for, or null for none; only valid when {@link #problems} is empty. */
    DigestSchedule toSchedule() {
        return Boolean.TRUE.equals(daily) ? new DigestSchedule(LocalTime.parse(at.strip()), ZoneId.of(zone.strip())) : null;
    }
}
