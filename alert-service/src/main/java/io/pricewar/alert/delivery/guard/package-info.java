/**
 * The SSRF guard: a subscriber names the URL the service will call, so without this a webhook
 * could make the service reach its own network (loopback, private ranges, the cloud metadata
 * endpoint). {@link io.pricewar.alert.delivery.guard.AddressPolicy} decides, in plain Java, which
 * addresses may be called; {@link io.pricewar.alert.delivery.guard.GuardedAddressResolver} applies
 * it inside the HTTP client at connect time, to the very address connected to, so a name that
 * resolves differently later (DNS rebinding) cannot slip past a check made earlier.
 */
package io.pricewar.alert.delivery.guard;
