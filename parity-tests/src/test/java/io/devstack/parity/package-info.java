/**
 * The parity suite: one scenario catalogue run against the five APIs, compared field by field, published as a matrix.
 */
package io.devstack.parity;
