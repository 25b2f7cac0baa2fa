package io.devstack.common.rabbitmq;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The channel of one operation, which the deadline can abort from another thread. A publish parked on the broker's
 * flow control (Qpid Broker-J flow-controls every channel while its disk is full) waits for a condition of the
 * channel; aborting the channel wakes it with {@code AlreadyClosedException}, so the abandoned call ends and the next
 * operation opens a fresh channel. Abort before the channel exists and the channel is aborted as soon as it opens.
 */
final class AbortableChannel {

    private static final Logger LOG = LoggerFactory.getLogger(AbortableChannel.class);

    private Channel channel;
    private boolean aborted;

    /** Opens the operation's channel; fails when the deadline already gave up on the operation. */
    Channel open(Connection connection) throws IOException {
        Channel opened = connection.createChannel();
        synchronized (this) {
            if (!aborted) {
                channel = opened;
                return opened;
            }
        }
        abortQuietly(opened);
        throw new IOException("the operation was abandoned at its deadline before its channel opened");
    }

    /** Aborts the channel (now, or when it opens); may wait for the broker's close-ok, so never on a caller's time. */
    void abort() {
        Channel opened;
        synchronized (this) {
            aborted = true;
            opened = channel;
        }
        if (opened != null) {
            abortQuietly(opened);
        }
    }

    private static void abortQuietly(Channel opened) {
        try {
            opened.abort();
        } catch (IOException | RuntimeException e) {
            LOG.debug("Aborting an AMQP channel past its deadline failed: {}", e.toString());
        }
    }
}
