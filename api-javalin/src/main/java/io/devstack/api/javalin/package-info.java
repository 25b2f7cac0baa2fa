/**
 * The contract on Javalin 7 (Jetty 12, virtual threads): thin glue from Javalin's hooks to {@code io.devstack.common}.
 */
package io.devstack.api.javalin;
