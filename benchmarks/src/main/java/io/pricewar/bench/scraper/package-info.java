/** Benchmarks of the scraper's hot path: extracting and diffing a large pricing page. */
package io.pricewar.bench.scraper;
