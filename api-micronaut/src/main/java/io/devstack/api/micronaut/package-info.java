/**
 * The contract on Micronaut 4 (Netty): annotated controllers, one server filter and error routes over {@code common}.
 */
package io.devstack.api.micronaut;
