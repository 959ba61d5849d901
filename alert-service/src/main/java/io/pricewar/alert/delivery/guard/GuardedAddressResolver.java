package io.pricewar.alert.delivery.guard;

import io.netty.resolver.AbstractAddressResolver;
import io.netty.resolver.AddressResolver;
import io.netty.resolver.AddressResolverGroup;
import io.netty.util.concurrent.EventExecutor;
import io.netty.util.concurrent.Promise;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Executor;

/**
 * Resolves a webhook's host for the HTTP client and refuses the addresses {@link AddressPolicy}
 * refuses. The client connects to the address this returns, so the address checked is the
 * address called. It treats every address as unresolved, IP literals too: otherwise the client
 * would connect to a literal such as {@code 127.0.0.1} without asking.
 */
public final class GuardedAddressResolver extends AbstractAddressResolver<InetSocketAddress> {

    private final NameLookup lookup;
    private final AddressPolicy policy;
    private final Executor lookups;

    GuardedAddressResolver(EventExecutor executor, NameLookup lookup, AddressPolicy policy, Executor lookups) {
        super(executor, InetSocketAddress.class);
        this.lookup = lookup;
        this.policy = policy;
        this.lookups = lookups;
    }

    /**
     * One resolver per event loop, as Netty asks. Lookups run on {@code lookups} (virtual threads
     * in production) because the system resolver blocks and an event loop must not.
     */
    public static AddressResolverGroup<InetSocketAddress> group(NameLookup lookup, AddressPolicy policy,
                                                                Executor lookups) {
        return new AddressResolverGroup<>() {
            @Override
            protected AddressResolver<InetSocketAddress> newResolver(EventExecutor executor) {
                return new GuardedAddressResolver(executor, lookup, policy, lookups);
            }
        };
    }

    @Override
    protected boolean doIsResolved(InetSocketAddress address) {
        return false;
    }

    @Override
    protected void doResolve(InetSocketAddress unresolved, Promise<InetSocketAddress> promise) {
        lookups.execute(() -> {
            try {
                List<InetAddress> permitted = permitted(unresolved);
                promise.trySuccess(new InetSocketAddress(permitted.getFirst(), unresolved.getPort()));
            } catch (RuntimeException | UnknownHostException e) {
                promise.tryFailure(e);
            }
        });
    }

    @Override
    protected void doResolveAll(InetSocketAddress unresolved, Promise<List<InetSocketAddress>> promise) {
        lookups.execute(() -> {
            try {
                promise.trySuccess(permitted(unresolved).stream()
                        .map(address -> new InetSocketAddress(address, unresolved.getPort())).toList());
            } catch (RuntimeException | UnknownHostException e) {
                promise.tryFailure(e);
            }
        });
    }

    /**
     * The addresses of the host that may be called, in the resolver's order; refuses the host
     * when none may. Calling a permitted one of several is safe: it is the one connected to.
     */
    private List<InetAddress> permitted(InetSocketAddress target) throws UnknownHostException {
        List<InetAddress> candidates = target.isUnresolved()
                ? Arrays.asList(lookup.lookup(target.getHostString()))
                : List.of(target.getAddress());
        List<InetAddress> permitted = new ArrayList<>();
        List<String> refusals = new ArrayList<>();
        for (InetAddress candidate : candidates) {
            policy.refusal(candidate).ifPresentOrElse(refusals::add, () -> permitted.add(candidate));
        }
        if (permitted.isEmpty()) {
            throw new RefusedDestinationException("refused to call " + target.getHostString() + ": "
                    + String.join("; ", refusals));
        }
        return permitted;
    }
}
