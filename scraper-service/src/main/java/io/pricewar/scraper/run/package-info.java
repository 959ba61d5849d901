/**
 * Running scrapes: the schedule, and one run of one source from fetch to published events,
 * with every outcome counted and logged.
 */
package io.pricewar.scraper.run;
