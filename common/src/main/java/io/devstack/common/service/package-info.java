/** One {@code <Area>Service} per API area: takes raw inputs, talks to the backends, returns the contract's bytes. */
package io.devstack.common.service;
