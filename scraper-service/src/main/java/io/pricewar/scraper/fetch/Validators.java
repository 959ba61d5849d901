package io.pricewar.scraper.fetch;

import org.springframework.http.HttpHeaders;

/**
 * What the server said identifies the version of a page it sent (ETag, Last-Modified), sent back
 * on the next request so that an unchanged page costs a 304 and nothing more.
 */
public record Validators(String etag, String lastModified) {

    public static final Validators NONE = new Validators(null, null);

    static Validators of(HttpHeaders headers) {
        return new Validators(headers.getETag(), headers.getFirst(HttpHeaders.LAST_MODIFIED));
    }

    void applyTo(HttpHeaders headers) {
        if (etag != null) {
            headers.set(HttpHeaders.IF_NONE_MATCH, etag);
        }
        if (lastModified != null) {
            headers.set(HttpHeaders.IF_MODIFIED_SINCE, lastModified);
        }
    }
}
