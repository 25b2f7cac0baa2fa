/** The fault-injection suite: backends killed, stopped, sealed and revoked under load; five APIs watched; a report. */
package io.devstack.fault;
