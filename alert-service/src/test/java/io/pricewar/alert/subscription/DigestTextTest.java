package io.pricewar.alert.subscription;

import io.pricewar.alert.web.FieldProblem;
import org.junit.jupiter.api.Test;

import java.time.LocalTime;
import java.time.ZoneId;

import static org.assertj.core.api.Assertions.assertThat;

class DigestTextTest {

    @Test
    void aDailyDigestNeedsATimeOfDayAndAZone() {
        assertThat(new DigestText(true, "08:00", "Asia/Shanghai").problems("digest")).isEmpty();
        assertThat(new DigestText(true, "08:00", "Asia/Shanghai").toSchedule())
                .isEqualTo(new DigestSchedule(LocalTime.of(8, 0), ZoneId.of("Asia/Shanghai")));
        assertThat(new DigestText(true, null, null).problems("digest")).extracting(FieldProblem::field)
                .containsExactly("digest.at", "digest.zone");
    }

    @Test
    void namesTheFieldThatIsWrong() {
        assertThat(new DigestText(true, "25:00", "Asia/Shanghai").problems("digest")).extracting(FieldProblem::field)
                .containsExactly("digest.at");
        assertThat(new DigestText(true, "08:00", "Mars/Olympus_Mons").problems("digest"))
                .extracting(FieldProblem::field).containsExactly("digest.zone");
        assertThat(new DigestText(null, "08:00", "UTC").problems("digest")).extracting(FieldProblem::field)
                .containsExactly("digest.daily");
        assertThat(new DigestText(false, "08:00", null).problems("digest")).extracting(FieldProblem::field)
                .containsExactly("digest");
    }

    @Test
    void dailyFalseMeansNoDigest() {
        assertThat(new DigestText(false, null, null).problems("digest")).isEmpty();
        assertThat(new DigestText(false, null, null).toSchedule()).isNull();
    }
}
