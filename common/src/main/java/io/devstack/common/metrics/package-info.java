/** The one Prometheus registry and the contract's metric names, shared by the five APIs' dashboards. */
package io.devstack.common.metrics;
