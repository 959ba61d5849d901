package io.pricewar.scraper.source;

import io.pricewar.scraper.extract.FixturePages;
import io.pricewar.scraper.extract.TableRule;

/** Rules for source tests that need a valid one and do not care which. */
final class FixtureRules {

    static final TableRule TABLE = FixturePages.ROWS_TABLE;

    private FixtureRules() {
    }
}
