package io.pricewar.ledger.projection;

import io.pricewar.events.PriceChanged;
import io.pricewar.events.PriceListed;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.pricewar.ledger.SampleEvents.DOUBAO;
import static io.pricewar.ledger.SampleEvents.QWEN_AFTER;
import static io.pricewar.ledger.SampleEvents.QWEN_BEFORE;
import static io.pricewar.ledger.SampleEvents.QWEN_LONG_INPUT;
import static io.pricewar.ledger.SampleEvents.at;
import static io.pricewar.ledger.SampleEvents.doubaoListed;
import static io.pricewar.ledger.SampleEvents.qwenCut;
import static io.pricewar.ledger.SampleEvents.qwenDelisted;
import static io.pricewar.ledger.SampleEvents.qwenListed;
import static org.assertj.core.api.Assertions.assertThat;

class ProjectionFoldTest {

    @Test
    void listingOfANewPointIsNextAndBecomesCurrent() {
        ProjectionPlan plan = ProjectionFold.plan(List.of(at(qwenListed(), 2, 10)), Map.of());

        assertThat(plan.placements()).containsExactly(Placement.NEXT);
        assertThat(plan.history()).singleElement().satisfies(entry -> {
            assertThat(entry.type()).isEqualTo("PriceListed");
            assertThat(entry.previousPrice()).isNull();
            assertThat(entry.price()).isEqualTo(QWEN_BEFORE);
            assertThat(entry.source()).isEqualTo(new SourcePosition("price-events", 2, 10));
        });
        assertThat(plan.current()).singleElement().satisfies(current -> {
            assertThat(current.seq()).isEqualTo(1);
            assertThat(current.status()).isEqualTo(PointStatus.LISTED);
            assertThat(current.price()).isEqualTo(QWEN_BEFORE);
        });
        assertThat(plan.gaps()).isEmpty();
    }

    @Test
    void headAdvancesWithinABatchSoOnlyTheNewestStateOfAPointIsWritten() {
        PriceChanged cut = qwenCut();
        ProjectionPlan plan = ProjectionFold.plan(List.of(at(qwenListed(), 0, 1), at(cut, 0, 2)), Map.of());

        assertThat(plan.placements()).containsExactly(Placement.NEXT, Placement.NEXT);
        assertThat(plan.history()).extracting(HistoryEntry::seq).containsExactly(1L, 2L);
        assertThat(plan.history().get(1).previousPrice()).isEqualTo(QWEN_BEFORE);
        assertThat(plan.history().get(1).price()).isEqualTo(QWEN_AFTER);
        assertThat(plan.current()).singleElement().satisfies(current -> {
            assertThat(current.seq()).isEqualTo(2);
            assertThat(current.price()).isEqualTo(QWEN_AFTER);
            assertThat(current.lastEventId()).isEqualTo(cut.eventId());
        });
    }

    @Test
    void sameEventTwiceInABatchIsNotNewerTheSecondTime() {
        PriceListed listed = qwenListed();
        ProjectionPlan plan = ProjectionFold.plan(List.of(at(listed, 0, 1), at(listed, 0, 2)), Map.of());

        assertThat(plan.placements()).containsExactly(Placement.NEXT, Placement.NOT_NEWER);
        assertThat(plan.current()).singleElement().extracting(CurrentPrice::seq).isEqualTo(1L);
    }

    @Test
    void eventAtTheStoredSeqIsNotNewerAndDoesNotTouchTheCurrentPrice() {
        ProjectionPlan plan = ProjectionFold.plan(List.of(at(qwenCut(), 0, 7)), Map.of(QWEN_LONG_INPUT, 2L));

        assertThat(plan.placements()).containsExactly(Placement.NOT_NEWER);
        assertThat(plan.current()).isEmpty();
        assertThat(plan.gaps()).isEmpty();
        assertThat(plan.history()).as("offered to history, whose unique index turns a duplicate away").hasSize(1);
    }

    @Test
    void seqGapIsRecordedAndTheEventStillProjected() {
        ProjectionPlan plan = ProjectionFold.plan(List.of(at(qwenDelisted(), 4, 99)), Map.of(QWEN_LONG_INPUT, 1L));

        assertThat(plan.placements()).containsExactly(Placement.AFTER_GAP);
        assertThat(plan.gaps()).singleElement().satisfies(gap -> {
            assertThat(gap.pointId()).isEqualTo(QWEN_LONG_INPUT);
            assertThat(gap.expectedSeq()).isEqualTo(2);
            assertThat(gap.foundSeq()).isEqualTo(3);
            assertThat(gap.source().offset()).isEqualTo(99);
        });
        assertThat(plan.current()).singleElement().extracting(CurrentPrice::seq).isEqualTo(3L);
    }

    @Test
    void firstEventSeenOfAPointPastSeqOneIsAGapFromOne() {
        ProjectionPlan plan = ProjectionFold.plan(List.of(at(qwenCut(), 0, 0)), Map.of());

        assertThat(plan.gaps()).singleElement().extracting(SeqGap::expectedSeq).isEqualTo(1L);
    }

    @Test
    void delistedPointKeepsItsLastPriceWithStatusDelisted() {
        ProjectionPlan plan = ProjectionFold.plan(List.of(at(qwenDelisted(), 0, 3)), Map.of(QWEN_LONG_INPUT, 2L));

        assertThat(plan.current()).singleElement().satisfies(current -> {
            assertThat(current.status()).isEqualTo(PointStatus.DELISTED);
            assertThat(current.price()).isEqualTo(QWEN_AFTER);
        });
        assertThat(plan.history()).singleElement().satisfies(entry -> {
            assertThat(entry.previousPrice()).isEqualTo(QWEN_AFTER);
            assertThat(entry.price()).isNull();
        });
    }

    @Test
    void pointsAreFoldedIndependently() {
        ProjectionPlan plan = ProjectionFold.plan(
                List.of(at(qwenCut(), 0, 5), at(doubaoListed(), 1, 6)), Map.of(QWEN_LONG_INPUT, 1L));

        assertThat(plan.placements()).containsExactly(Placement.NEXT, Placement.NEXT);
        assertThat(plan.current()).extracting(CurrentPrice::price).containsExactly(QWEN_AFTER, DOUBAO);
    }
}
