/** The Redis cluster client (cluster-aware keys, per-node connections) and the parsers of its INFO/CLUSTER output. */
package io.devstack.common.redis;
