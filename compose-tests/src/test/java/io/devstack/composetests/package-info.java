/**
 * Tests of the generated compose project's parts that run without Docker: init wrappers against Vault, dashboard metric
 * names against a live API.
 */
package io.devstack.composetests;
