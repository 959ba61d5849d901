/**
 * Running scrapes: the schedule over the sources this replica is assigned, and one run of one
 * source from fetch to published snapshot, events and scrape health, with every outcome counted
 * and logged.
 */
package io.pricewar.scraper.run;
