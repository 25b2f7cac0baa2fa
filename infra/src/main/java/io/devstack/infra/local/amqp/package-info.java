/** The AMQP 0-9-1 broker (Apache Qpid Broker-J) run as its own JVM by the native runtime. */
package io.devstack.infra.local.amqp;
