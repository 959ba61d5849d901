package io.pricewar.scraper.extract;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class AnnouncementTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            From 16:00 UTC on Sept 5th, 2025, we will apply the following price list: | 2025-09-05T16:00:00Z
            北京时间 2025年9月6日 00:00 起，价格调整为：                                 | 2025-09-05T16:00:00Z
            Starting 2025-09-05 16:00 (UTC+8) the prices below take effect            | 2025-09-05T08:00:00Z
            Effective from September 5, 2025 (UTC), the following prices apply        | 2025-09-05T00:00:00Z
            """)
    void readsTheAnnouncedInstant(String notice, String instant) {
        Announcement announcement = Announcement.read(PriceNotation.normalize(notice));

        assertThat(announcement.problem()).isNull();
        assertThat(announcement.effectiveFrom()).isEqualTo(Instant.parse(instant));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            2025年9月6日起，价格调整为：                                       | names no time zone
            From next Monday, 16:00 UTC, we will apply new prices              | names no date
            From 2025-09-05 to 2025-10-01 UTC the prices below will apply      | names more than one date
            From 2025-02-30 16:00 UTC we will apply the following price list   | names no date
            """)
    void refusesANoticeItCannotReadUnambiguously(String notice, String reason) {
        Announcement announcement = Announcement.read(PriceNotation.normalize(notice));

        assertThat(announcement.effectiveFrom()).isNull();
        assertThat(announcement.problem()).contains(reason);
    }
}
