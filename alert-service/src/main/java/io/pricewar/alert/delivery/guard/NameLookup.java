package io.pricewar.alert.delivery.guard;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** Host name to addresses; the system resolver in production, a fixed table in tests. */
@FunctionalInterface
public interface NameLookup {

    NameLookup SYSTEM = InetAddress::getAllByName;

    InetAddress[] lookup(String host) throws UnknownHostException;
}
