package io.devstack.common.rabbitmq;

import static org.assertj.core.api.Assertions.assertThat;

import io.devstack.common.ApiModule;
import io.devstack.common.ApiServices;
import io.devstack.common.http.PublishInput;
import io.devstack.common.http.ServiceUnavailableException;
import io.devstack.common.stack.StackFixture;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The broker's per-queue depth limit (64 MiB of messages, overflow policy REJECT, set by the native runtime's
 * broker) against the real broker: a queue filled past it refuses the next message with {@code 503
 * request_refused}, keeps every message it acknowledged, leaves the breaker closed, and other queues still work.
 */
class QueueLimitIntegrationTest {

    private static final long QUEUE_BYTES_LIMIT = 64L * 1024 * 1024;
    /** The largest message a publish accepts, as JSON: {"pad":"xxx…"}. */
    private static final byte[] LARGEST_MESSAGE =
            ("{\"pad\":\"" + "x".repeat(PublishInput.MAX_MESSAGE_BYTES - 10) + "\"}").getBytes(StandardCharsets.UTF_8);

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
    void aFullQueueRefusesTheNextMessageAloneAndKeepsWhatItAcknowledged() throws Exception {
        String full = "common-it-full-" + UUID.randomUUID();
        String other = "common-it-other-" + UUID.randomUUID();
        long maxAccepted = QUEUE_BYTES_LIMIT / LARGEST_MESSAGE.length + 1;
        try {
            long accepted = 0;
            ServiceUnavailableException refusal = null;
            while (refusal == null && accepted <= maxAccepted) {
                try {
                    services.messaging().publish(full, "application/json", LARGEST_MESSAGE);
                    accepted++;
                } catch (ServiceUnavailableException e) {
                    refusal = e;
                }
            }

            assertThat(refusal)
                    .as("a refusal within %d messages of 1 MB", maxAccepted)
                    .isNotNull();
            assertThat(refusal.status()).isEqualTo(503);
            assertThat(refusal.details())
                    .containsEntry("service", "rabbitmq")
                    .containsEntry("reason", "request_refused");
            assertThat(refusal.headers()).containsEntry("Retry-After", "5");
            assertThat(accepted).isGreaterThanOrEqualTo(maxAccepted - 2);
            // nothing acknowledged was dropped to make room (REJECT, not RING)
            assertThat(BrokerProbe.messageCount(full)).isEqualTo(accepted);
            // a refusal is that request's alone: six more (enough to open it if they counted) leave the breaker closed,
            // and other queues are served
            for (int i = 0; i < 6; i++) {
                assertThat(publishRefused(full)).isTrue();
            }
            services.messaging().publish(other, "application/json", "{\"n\":1}".getBytes(StandardCharsets.UTF_8));
            assertThat(BrokerProbe.messageCount(other)).isEqualTo(1);
            assertThat(services.metrics().scrape().bodyText())
                    .contains("devstack_circuit_breaker_state{backend=\"rabbitmq\",state=\"closed\"} 1");
        } finally {
            BrokerProbe.deleteQueues(full, other);
        }
    }

    private static boolean publishRefused(String queue) {
        try {
            services.messaging().publish(queue, "application/json", LARGEST_MESSAGE);
            return false;
        } catch (ServiceUnavailableException e) {
            return "request_refused".equals(e.details().get("reason"));
        }
    }
}
