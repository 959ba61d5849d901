/**
 * The real Apache Kafka broker (KRaft) and a MongoDB wire-protocol server, both in-JVM, for the
 * tests and the local run on machines without Docker. Services never see these classes: they
 * are given a bootstrap address and a MongoDB URI, as they would be in production. Also
 * {@link io.pricewar.infra.RunnableJar}, for tests that run a service's jar as a process of its own.
 */
package io.pricewar.infra;
