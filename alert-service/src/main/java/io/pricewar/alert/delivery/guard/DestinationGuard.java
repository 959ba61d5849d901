package io.pricewar.alert.delivery.guard;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;

/**
 * The checks on a webhook URL that need no network: its scheme, and its host when that is an IP
 * literal. Made when a subscription is written (so a bad URL is a 400, not a dead delivery) and
 * again before every call; host names are checked at connect time by
 * {@link GuardedAddressResolver}.
 */
public final class DestinationGuard {

    private final boolean allowPlainHttp;
    private final AddressPolicy policy;

    public DestinationGuard(boolean allowPlainHttp, AddressPolicy policy) {
        this.allowPlainHttp = allowPlainHttp;
        this.policy = policy;
    }

    public AddressPolicy policy() {
        return policy;
    }

    /** Empty when the URL may be called, as far as can be told without resolving it; else why not. */
    public Optional<String> refusal(URI url) {
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !(scheme.equals("http") && allowPlainHttp)) {
            return Optional.of(allowPlainHttp ? "must use http or https, not " + url.getScheme()
                    : "must use https (plain http is allowed only when configured for local use)");
        }
        String host = url.getHost();
        if (host == null) {
            return Optional.of("must be an absolute URL with a host");
        }
        return ipLiteral(host).flatMap(policy::refusal);
    }

    private static Optional<InetAddress> ipLiteral(String host) {
        String bare = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        if (!bare.contains(":") && !bare.matches("[0-9.]+")) {
            return Optional.empty();
        }
        try {
            return Optional.of(InetAddress.getByName(bare));
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }
}
