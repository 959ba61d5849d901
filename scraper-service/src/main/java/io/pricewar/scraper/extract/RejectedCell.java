package io.pricewar.scraper.extract;

/** A cell that should have held a price but could not be read; never turned into a price. */
public record RejectedCell(String model, String meter, String cellText, String reason) {
}
