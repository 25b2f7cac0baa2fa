/** The AMQP 0-9-1 client: one connection from the Vault secret, durable declare, confirmed persistent publish. */
package io.devstack.common.rabbitmq;
