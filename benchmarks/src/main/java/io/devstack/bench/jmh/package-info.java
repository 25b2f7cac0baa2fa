/**
 * JMH micro-benchmarks of {@code common}'s hot paths (request front, JSON, validation, masking) and of the cache
 * GET against the live Redis cluster next to a raw lettuce GET+TTL. Run with {@code mvn -pl benchmarks -am -Pjmh
 * verify -DskipTests} (see the module README).
 */
package io.devstack.bench.jmh;
