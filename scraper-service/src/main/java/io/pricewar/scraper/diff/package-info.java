/**
 * What changed: the scraper's book of the last known price of every point (rebuilt from the
 * {@code price-events} log at start-up, never kept in a private database) and the diff of a
 * page's extraction against it, which yields the next events of each point's chain.
 */
package io.pricewar.scraper.diff;
