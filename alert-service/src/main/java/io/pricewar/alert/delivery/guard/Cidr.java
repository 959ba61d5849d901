package io.pricewar.alert.delivery.guard;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** A block of addresses written {@code address/prefix}, IPv4 or IPv6. */
public record Cidr(byte[] network, int prefix, String text) {

    public static Cidr parse(String text) {
        int slash = text.indexOf('/');
        String host = slash < 0 ? text : text.substring(0, slash);
        byte[] network = literal(host);
        int prefix = slash < 0 ? network.length * 8 : Integer.parseInt(text.substring(slash + 1).strip());
        if (prefix < 0 || prefix > network.length * 8) {
            throw new IllegalArgumentException("prefix out of range in " + text);
        }
        return new Cidr(network, prefix, text.strip());
    }

    public boolean contains(byte[] address) {
        if (address.length != network.length) {
            return false;
        }
        int whole = prefix / 8;
        for (int i = 0; i < whole; i++) {
            if (address[i] != network[i]) {
                return false;
            }
        }
        int rest = prefix % 8;
        if (rest == 0) {
            return true;
        }
        int mask = (0xFF << (8 - rest)) & 0xFF;
        return (address[whole] & mask) == (network[whole] & mask);
    }

    /** Parses an IP literal without ever asking DNS, which a configuration value must not do. */
    private static byte[] literal(String host) {
        String bare = host.strip();
        boolean looksLiteral = bare.contains(":") || bare.matches("[0-9.]+");
        if (!looksLiteral) {
            throw new IllegalArgumentException("not an IP address: " + host);
        }
        try {
            InetAddress address = InetAddress.getByName(bare);
            return bare.contains(":") && address.getAddress().length == 4 ? mapped(address.getAddress())
                    : address.getAddress();
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("not an IP address: " + host, e);
        }
    }

    /** The JDK folds {@code ::ffff:a.b.c.d} to IPv4; a block written in IPv6 stays IPv6. */
    private static byte[] mapped(byte[] v4) {
        byte[] v6 = new byte[16];
        v6[10] = (byte) 0xFF;
        v6[11] = (byte) 0xFF;
        System.arraycopy(v4, 0, v6, 12, 4);
        return v6;
    }

    @Override
    public String toString() {
        return text;
    }
}
