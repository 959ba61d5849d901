package io.pricewar.scraper.extract;

/** A cell whose price cannot be read unambiguously; the reason says why. */
public class PriceNotationException extends IllegalArgumentException {

    private final String cellText;

    public PriceNotationException(String cellText, String reason) {
        super("cannot read a price from '" + cellText + "': " + reason);
        this.cellText = cellText;
    }

    public String cellText() {
        return cellText;
    }
}
