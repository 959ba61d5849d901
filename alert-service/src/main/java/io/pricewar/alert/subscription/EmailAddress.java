package io.pricewar.alert.subscription;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;

import java.net.URI;
import java.util.Optional;

/**
 * The e-mail channel's endpoint: a bare address, kept as a {@code mailto:} URI so that a
 * subscription and its deliveries name one endpoint whichever channel it is.
 */
public final class EmailAddress {

    public static final String SCHEME = "mailto";

    private EmailAddress() {
    }

    /** The endpoint URI of a valid address. */
    static URI endpoint(String address) {
        return URI.create(SCHEME + ":" + address.strip());
    }

    /** The address {@code endpoint} e-mails, or null when it is a webhook. */
    public static String of(URI endpoint) {
        return SCHEME.equalsIgnoreCase(endpoint.getScheme()) ? endpoint.getSchemeSpecificPart() : null;
    }

    /**
     * Why {@code address} cannot be e-mailed, if it cannot: one bare {@code local@domain} address
     * (RFC 822 syntax, strictly), no display name, no list, nothing a {@code mailto:} URI would
     * read differently.
     */
    static Optional<String> refusal(String address) {
        String text = address.strip();
        if (text.indexOf('@') < 1 || text.endsWith("@")) {
            return Optional.of("must be an e-mail address such as ops@example.com, was '" + address + "'");
        }
        try {
            InternetAddress parsed = new InternetAddress(text, true);
            if (parsed.getPersonal() != null || !parsed.getAddress().equals(text)
                    || text.chars().anyMatch(c -> c == '?' || c == '#' || c == '%' || Character.isWhitespace(c))) {
                return Optional.of("must be a bare address such as ops@example.com, was '" + address + "'");
            }
            URI.create(SCHEME + ":" + text);
            return Optional.empty();
        } catch (AddressException | IllegalArgumentException e) {
            return Optional.of("is not an e-mail address: '" + address + "'");
        }
    }
}
