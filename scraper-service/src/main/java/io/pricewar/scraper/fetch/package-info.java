/** Fetching pricing pages over HTTP: timeouts, a size cap, an identifying User-Agent, the body's SHA-256. */
package io.pricewar.scraper.fetch;
