package io.pricewar.ledger.workload;

import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The context length a price point's names state, if any. Events carry no context field, so
 * the ledger reads it from the names vendors give: a model slug ending in a size
 * ({@code doubao-pro-32k}, {@code hunyuan-lite-256k}) or a tier that is an input-length band
 * ({@code 32k-lt-token-le-128k}: the band's upper bound). "k" is taken as 1,000 tokens, as
 * vendors market it. Points whose names state nothing have an unknown context.
 */
public final class ContextLength {

    private static final Pattern MODEL_SIZE = Pattern.compile("(?:^|-)(\\d+)k$");
    private static final Pattern BAND_UPPER = Pattern.compile("(?:le|lt)-(\\d+)k$");

    private ContextLength() {
    }

    public static OptionalLong of(String model, String tier) {
        Matcher band = BAND_UPPER.matcher(tier);
        if (band.find()) {
            return OptionalLong.of(Long.parseLong(band.group(1)) * 1000);
        }
        Matcher size = MODEL_SIZE.matcher(model);
        return size.find() ? OptionalLong.of(Long.parseLong(size.group(1)) * 1000) : OptionalLong.empty();
    }
}
