/** The JSON access log: one line per request on stdout, the same keys in the five APIs. */
package io.devstack.common.logging;
