package io.pricewar.ledger.replay;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class VerificationTest {

    @Test
    void matchingGenerationMayGoLive() {
        assertThat(new Verification(14, 14, 10, 10, 0, 0, "a", "a").problems(false)).isEmpty();
    }

    @Test
    void missingEntriesOrNewBrokenChainsBlockTheSwitchEvenWhenForced() {
        assertThat(new Verification(13, 14, 10, 10, 1, 0, "a", "a").problems(true)).hasSize(2);
    }

    @Test
    void aChecksumDifferenceBlocksUnlessForced() {
        var differing = new Verification(14, 14, 10, 10, 0, 1, "new", "live");

        assertThat(differing.problems(false)).singleElement().asString().contains("force=true");
        assertThat(differing.problems(true)).isEmpty();
    }
}
