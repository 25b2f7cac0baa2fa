/** The API contract on Vert.x: verticle, route table, endpoint handlers and the glue to {@code common}. */
package io.devstack.api.vertx;
