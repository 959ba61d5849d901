package io.pricewar.scraper.extract;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.select.Elements;
import org.junit.jupiter.api.Test;
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

    /** Each wording a notice may use is seen as one, whatever case or width it is written in; prose is not. */
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            we will apply the following list       | true
            these prices will be applied           | true
            the list will take effect on           | true
            the list takes effect                  | true
            prices WILL CHANGE on                  | true
            effective from                         | true
            Effective on                           | true
            effective as of                        | true
            9月6日 起                               | true
            00:00时起                               | true
            6 起                                    | true
            新价格生效                               | true
            价格将调整                               | true
            价格调整为                               | true
            ｗｉｌｌ　ａｐｐｌｙ                        | true
            模型系列 3 按量计费                        | false
            以下价格为调用单价，按输入与输出 Token 分别计费 | false
            we will keep these prices              | false
            an effective price per 1M tokens       | false
            """)
    void tellsANoticeFromProse(String text, boolean notice) {
        assertThat(Announcement.isNotice(PriceNotation.normalize(text))).isEqualTo(notice);
    }

    /**
     * A notice belongs to the block right under it: the block after that one, and a block in the
     * next section, stop at the first block or the section holding it, as they did when each
     * sibling was asked select(selector).
     */
    @Test
    void aNoticeBelongsToTheFirstBlockUnderItOnly() {
        Document page = Jsoup.parse("""
                <section id="s1">
                  <p>From 16:00 UTC on Sept 5th, 2025, we will apply the following price list:</p>
                  <table class="p" id="announced"></table>
                  <table class="p" id="after-another-block"></table>
                </section>
                <section id="s2"><div><table class="p" id="next-section"></table></div></section>
                <p>北京时间 2025年9月6日 00:00 起，价格调整为：</p>
                <div class="wrapper"><div><table class="p" id="wrapped"></table></div></div>
                """);
        Elements blocks = page.select("table.p");
        Announcement.Finder finder = new Announcement.Finder(blocks);

        assertThat(finder.above(page.getElementById("announced")).effectiveFrom())
                .isEqualTo(Instant.parse("2025-09-05T16:00:00Z"));
        assertThat(finder.above(page.getElementById("after-another-block"))).isEqualTo(Announcement.NONE);
        assertThat(finder.above(page.getElementById("next-section"))).isEqualTo(Announcement.NONE);
        assertThat(finder.above(page.getElementById("wrapped")).effectiveFrom())
                .isEqualTo(Instant.parse("2025-09-05T16:00:00Z"));
    }
}
