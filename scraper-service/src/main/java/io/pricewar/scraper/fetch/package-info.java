/**
 * Fetching pricing pages over HTTP, politely and defensively: robots.txt (RFC 9309), a per-host
 * rate limit, conditional GET, connect/read/attempt timeouts, a body cap, bounded redirects,
 * retries with backoff and jitter honouring 429 and Retry-After, an identifying User-Agent; and
 * the body's SHA-256, which events cite as evidence.
 */
package io.pricewar.scraper.fetch;
