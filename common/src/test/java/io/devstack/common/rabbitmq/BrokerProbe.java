package io.devstack.common.rabbitmq;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import io.devstack.common.ApiModule;
import io.devstack.common.HostPort;
import io.devstack.common.stack.StackFixture;
import java.io.IOException;
import java.util.Map;

/** The tests' own AMQP client of the stack's broker, with the APIs' Vault credentials: to look and to clean up. */
final class BrokerProbe {

    private BrokerProbe() {}

    static Connection connect(String name) throws Exception {
        Map<String, Object> secret = StackFixture.readSecret(RabbitClient.SECRET);
        HostPort address = StackFixture.settings(ApiModule.HELIDON).rabbitmq();
        ConnectionFactory factory = new ConnectionFactory();
        factory.setHost(address.host());
        factory.setPort(address.port());
        factory.setUsername(String.valueOf(secret.get("user")));
        factory.setPassword(String.valueOf(secret.get("password")));
        factory.setVirtualHost(String.valueOf(secret.getOrDefault("vhost", "dev_vhost")));
        return factory.newConnection(name);
    }

    static long messageCount(String queue) throws Exception {
        try (Connection connection = connect("common-it-probe");
                Channel channel = connection.createChannel()) {
            return channel.queueDeclarePassive(queue).getMessageCount();
        }
    }

    /** Deletes the queues that exist (a delete of a missing queue closes its channel, hence one channel each). */
    static void deleteQueues(String... queues) throws Exception {
        try (Connection connection = connect("common-it-cleanup")) {
            for (String queue : queues) {
                Channel channel = connection.createChannel();
                try {
                    channel.queueDelete(queue);
                    channel.close();
                } catch (IOException absent) {
                    // never created: the test failed before it
                }
            }
        }
    }
}
