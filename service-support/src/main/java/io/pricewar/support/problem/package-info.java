/**
 * Errors that no handler of a service answered itself (an unknown route, a method or media type
 * the route does not take, an exception a handler let escape) come back as RFC 9457 problem
 * details like the services' own, instead of Boot's error JSON.
 */
package io.pricewar.support.problem;
