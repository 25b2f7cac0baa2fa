/**
 * One {@code <Area>Service} per API area: takes raw inputs, calls the backend clients (never a driver, never the
 * guard: the clients guard themselves), returns the contract's bytes.
 */
package io.devstack.common.service;
