package io.devstack.common.rabbitmq;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ShutdownSignalException;
import io.devstack.common.ApiModule;
import io.devstack.common.ApiServices;
import io.devstack.common.http.ServiceUnavailableException;
import io.devstack.common.stack.StackFixture;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The broker's queue-count limit (1,000 queues per virtual host, the native runtime's {@code QueueLimits}) against
 * the real broker: once the virtual host is full, a publish to a new queue is answered {@code 503 request_refused}
 * without touching the breaker, a queue that exists still takes messages, and a queue is free again once one goes.
 * Also: a queue may not be declared with depth limits above the broker's, or with an overflow policy that ignores
 * them.
 */
class QueueCountLimitIntegrationTest {

    private static final int MAX_QUEUES = 1_000;
    private static final int ACCESS_REFUSED = 403;
    private static final byte[] MESSAGE = "{\"n\":1}".getBytes(StandardCharsets.UTF_8);

    private static ApiServices services;

    @BeforeAll
    static void start() {
        services = StackFixture.startServices(ApiModule.HELIDON);
    }

    @AfterAll
    static void stop() {
        if (services != null) {
            services.close();
        }
    }

    @Test
    void aFullVirtualHostRefusesANewQueueAloneAndKeepsServingTheOthers() throws Exception {
        String existing = "common-it-existing-" + UUID.randomUUID();
        String fresh = "common-it-fresh-" + UUID.randomUUID();
        services.messaging().publish(existing, "application/json", MESSAGE);
        try {
            String filler = "common-it-fill-" + UUID.randomUUID() + "-";
            int declared = 0;
            try {
                declared = fillVirtualHost(filler);
                assertThat(declared).as("queues the virtual host still took").isBetween(1, MAX_QUEUES);

                for (int i = 0; i < 6; i++) {
                    assertThatThrownBy(() -> services.messaging().publish(fresh, "application/json", MESSAGE))
                            .isInstanceOfSatisfying(ServiceUnavailableException.class, refused -> {
                                assertThat(refused.status()).isEqualTo(503);
                                assertThat(refused.details())
                                        .containsEntry("service", "rabbitmq")
                                        .containsEntry("reason", "request_refused");
                                assertThat(refused.headers()).containsEntry("Retry-After", "5");
                            });
                }
                services.messaging().publish(existing, "application/json", MESSAGE);
                assertThat(BrokerProbe.messageCount(existing)).isEqualTo(2);
                assertThat(services.metrics().scrape().bodyText())
                        .contains("devstack_circuit_breaker_state{backend=\"rabbitmq\",state=\"closed\"} 1");
            } finally {
                BrokerProbe.deleteQueues(
                        IntStream.range(0, declared).mapToObj(i -> filler + i).toArray(String[]::new));
            }
            services.messaging().publish(fresh, "application/json", MESSAGE);
            assertThat(BrokerProbe.messageCount(fresh)).isEqualTo(1);
        } finally {
            BrokerProbe.deleteQueues(existing, fresh);
        }
    }

    @Test
    void aQueueAskingForMoreThanTheBrokerLimitsIsRefused() throws Exception {
        assertThat(declareRefused(Map.of("qpid.max_count", 10_000_000L)))
                .as("depth in messages above 200,000")
                .isTrue();
        assertThat(declareRefused(Map.of("qpid.max_size", 1L << 40)))
                .as("depth in bytes above 64 MiB")
                .isTrue();
        assertThat(declareRefused(Map.of("qpid.policy_type", "ring")))
                .as("overflow policy other than REJECT")
                .isTrue();
        assertThat(declareRefused(Map.of("qpid.max_count", 10L)))
                .as("a smaller depth is the declarer's choice")
                .isFalse();
    }

    /**
     * Declares queues {@code prefix0}, {@code prefix1}, … (not durable: a broker restart drops any left behind) until
     * the broker refuses one, which also closes the connection; returns how many it took.
     */
    private static int fillVirtualHost(String prefix) throws Exception {
        Connection connection = BrokerProbe.connect("common-it-queue-count");
        try {
            Channel channel = connection.createChannel();
            for (int declared = 0; declared <= MAX_QUEUES; declared++) {
                try {
                    channel.queueDeclare(prefix + declared, false, false, false, null);
                } catch (IOException e) {
                    assertThat(replyCode(e)).as("the refusal's reply code").isEqualTo(ACCESS_REFUSED);
                    return declared;
                }
            }
            throw new AssertionError("the broker took more than " + MAX_QUEUES + " new queues");
        } finally {
            connection.abort();
        }
    }

    /** True when the broker refuses an exclusive queue declared with {@code arguments}. */
    private static boolean declareRefused(Map<String, Object> arguments) throws Exception {
        Connection connection = BrokerProbe.connect("common-it-queue-count");
        try {
            connection.createChannel().queueDeclare("", false, true, false, arguments);
            return false;
        } catch (IOException e) {
            assertThat(replyCode(e)).isEqualTo(ACCESS_REFUSED);
            return true;
        } finally {
            connection.abort();
        }
    }

    private static int replyCode(IOException e) {
        // Broker-J closes the connection over a refused declare (RabbitMQ would close the channel)
        return e.getCause() instanceof ShutdownSignalException signal
                        && signal.getReason() instanceof AMQP.Connection.Close close
                ? close.getReplyCode()
                : -1;
    }
}
