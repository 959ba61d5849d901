package io.pricewar.alert.delivery.guard;

import java.net.InetAddress;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Which addresses a webhook may be called at: any public one, none of the blocks below unless
 * an operator allow-listed it (the local run allow-lists 127.0.0.0/8). An IPv6 address that
 * carries an IPv4 one (IPv4-mapped, NAT64, 6to4) is judged by the IPv4 address it carries, so
 * {@code [::ffff:127.0.0.1]} is loopback.
 */
public final class AddressPolicy {

    /** Blocks refused by default, each with the reason a refusal states. */
    static final Map<Cidr, String> REFUSED = refused(
            "0.0.0.0/8", "this network",
            "10.0.0.0/8", "private",
            "100.64.0.0/10", "carrier-grade NAT (and Alibaba Cloud metadata 100.100.100.200)",
            "127.0.0.0/8", "loopback",
            "169.254.0.0/16", "link-local (and cloud metadata 169.254.169.254)",
            "168.63.129.16/32", "cloud metadata (Azure)",
            "172.16.0.0/12", "private",
            "192.0.0.0/24", "IETF protocol assignments",
            "192.0.2.0/24", "documentation",
            "192.168.0.0/16", "private",
            "198.18.0.0/15", "benchmarking",
            "198.51.100.0/24", "documentation",
            "203.0.113.0/24", "documentation",
            "224.0.0.0/4", "multicast",
            "240.0.0.0/4", "reserved (and broadcast)",
            "::/128", "unspecified",
            "::1/128", "loopback",
            "::/96", "IPv4-compatible",
            "2001::/32", "Teredo",
            "2001:db8::/32", "documentation",
            "fc00::/7", "unique-local (and cloud metadata fd00:ec2::254)",
            "fe80::/10", "link-local",
            "fec0::/10", "site-local",
            "ff00::/8", "multicast");

    private final List<Cidr> allowed;

    public AddressPolicy(List<String> allowedNetworks) {
        this.allowed = allowedNetworks.stream().filter(s -> !s.isBlank()).map(Cidr::parse).toList();
    }

    public static AddressPolicy strict() {
        return new AddressPolicy(List.of());
    }

    /** Empty when {@code address} may be called; else why not. */
    public Optional<String> refusal(InetAddress address) {
        byte[] bytes = address.getAddress();
        if (allowed.stream().anyMatch(block -> block.contains(bytes))) {
            return Optional.empty();
        }
        byte[] carried = carriedIpv4(bytes);
        if (carried != null) {
            return refusal(carried, address);
        }
        return refusal(bytes, address);
    }

    private Optional<String> refusal(byte[] bytes, InetAddress original) {
        if (allowed.stream().anyMatch(block -> block.contains(bytes))) {
            return Optional.empty();
        }
        return REFUSED.entrySet().stream()
                .filter(entry -> entry.getKey().contains(bytes))
                .findFirst()
                .map(entry -> original.getHostAddress() + " is " + entry.getValue() + " (" + entry.getKey() + ")");
    }

    /** The IPv4 address inside an IPv4-mapped (::ffff:0:0/96), NAT64 (64:ff9b::/96) or 6to4 (2002::/16) one. */
    static byte[] carriedIpv4(byte[] v6) {
        if (v6.length != 16) {
            return null;
        }
        boolean mapped = isZero(v6, 0, 10) && (v6[10] & 0xFF) == 0xFF && (v6[11] & 0xFF) == 0xFF;
        boolean nat64 = v6[0] == 0 && (v6[1] & 0xFF) == 0x64 && (v6[2] & 0xFF) == 0xFF && (v6[3] & 0xFF) == 0x9B
                && isZero(v6, 4, 12);
        if (mapped || nat64) {
            return Arrays.copyOfRange(v6, 12, 16);
        }
        if ((v6[0] & 0xFF) == 0x20 && (v6[1] & 0xFF) == 0x02) {
            return Arrays.copyOfRange(v6, 2, 6);
        }
        return null;
    }

    private static boolean isZero(byte[] bytes, int from, int to) {
        for (int i = from; i < to; i++) {
            if (bytes[i] != 0) {
                return false;
            }
        }
        return true;
    }

    private static Map<Cidr, String> refused(String... blocksAndReasons) {
        java.util.LinkedHashMap<Cidr, String> map = new java.util.LinkedHashMap<>();
        for (int i = 0; i < blocksAndReasons.length; i += 2) {
            map.put(Cidr.parse(blocksAndReasons[i]), blocksAndReasons[i + 1]);
        }
        return java.util.Collections.unmodifiableMap(map);
    }
}
