/**
 * The load harness behind {@code ./devstack bench}: the five APIs driven one at a time on the same endpoints,
 * closed-model throughput, open-model latency corrected for coordinated omission, the raw-client and JDK-server
 * baselines, and the report ({@code report/}); JMH micro-benchmarks of {@code common} are in {@code jmh/}.
 */
package io.devstack.bench;
