package io.devstack.infra.local.amqp;

import java.util.Set;
import org.apache.qpid.server.model.ConfiguredObject;
import org.apache.qpid.server.plugin.ConfiguredObjectRegistration;

/** Makes {@link QueueLimitsProvider} a type Broker-J's model knows (found through {@code META-INF/services}). */
public final class QueueLimitsRegistration implements ConfiguredObjectRegistration {

    @Override
    public String getType() {
        return "io.devstack.infra.local.amqp";
    }

    @Override
    public Set<Class<? extends ConfiguredObject>> getConfiguredObjectClasses() {
        return Set.of(QueueLimitsProvider.class);
    }
}
