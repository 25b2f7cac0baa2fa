package io.devstack.infra.local.amqp;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.qpid.server.model.OverflowPolicy;
import org.junit.jupiter.api.Test;

/** The broker's decision on a new queue (the real broker's refusal is {@code QueueCountLimitIntegrationTest}'s). */
class QueueLimitsTest {

    private static final long MESSAGES = AmqpBrokerMain.MAX_QUEUE_MESSAGES;
    private static final long BYTES = AmqpBrokerMain.MAX_QUEUE_BYTES;

    @Test
    void aQueueWithinEveryLimitIsLeftToTheBroker() {
        assertThat(QueueLimits.refusal(AmqpBrokerMain.MAX_QUEUES - 1, MESSAGES, BYTES, OverflowPolicy.REJECT))
                .isEmpty();
        assertThat(QueueLimits.refusal(0, 10, 1024, OverflowPolicy.REJECT)).isEmpty();
    }

    @Test
    void theQueueAfterTheLimitIsRefused() {
        assertThat(QueueLimits.refusal(AmqpBrokerMain.MAX_QUEUES, MESSAGES, BYTES, OverflowPolicy.REJECT))
                .hasValue("the virtual host holds 1000 queues, its limit is 1000");
    }

    @Test
    void deeperUnlimitedOrOverflowingQueuesAreRefused() {
        assertThat(QueueLimits.refusal(0, MESSAGES + 1, BYTES, OverflowPolicy.REJECT))
                .hasValue("a depth of 200001 messages exceeds the limit of 200000");
        assertThat(QueueLimits.refusal(0, -1, BYTES, OverflowPolicy.REJECT))
                .hasValue("a depth of unlimited messages exceeds the limit of 200000");
        assertThat(QueueLimits.refusal(0, MESSAGES, BYTES + 1, OverflowPolicy.REJECT))
                .isPresent();
        assertThat(QueueLimits.refusal(0, MESSAGES, -1, OverflowPolicy.REJECT)).isPresent();
        for (OverflowPolicy policy : OverflowPolicy.values()) {
            assertThat(QueueLimits.refusal(0, MESSAGES, BYTES, policy).isPresent())
                    .as("overflow policy %s", policy)
                    .isEqualTo(policy != OverflowPolicy.REJECT);
        }
    }
}
