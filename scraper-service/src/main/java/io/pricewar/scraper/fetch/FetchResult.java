package io.pricewar.scraper.fetch;

/** What a fetch brought back: a page, or the server's word that the page is the one sent last time. */
public sealed interface FetchResult {

    /** A body, its content type as sent, and the validators for the next conditional request. */
    record Fetched(FetchedPage page, String contentType, Validators validators) implements FetchResult {
    }

    /** 304: the page is unchanged since the validators given; nothing was downloaded. */
    record NotModified(String url) implements FetchResult {
    }
}
