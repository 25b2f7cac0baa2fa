package io.devstack.infra.local.amqp;

import java.util.Map;
import org.apache.qpid.server.model.AbstractConfiguredObjectTypeFactory;
import org.apache.qpid.server.model.Broker;
import org.apache.qpid.server.model.ConfiguredObject;

/** Creates {@link QueueLimitsProviderImpl} for Broker-J (found through {@code META-INF/services}). */
public final class QueueLimitsProviderFactory extends AbstractConfiguredObjectTypeFactory<QueueLimitsProviderImpl> {

    public QueueLimitsProviderFactory() {
        super(QueueLimitsProviderImpl.class);
    }

    @Override
    protected QueueLimitsProviderImpl createInstance(Map<String, Object> attributes, ConfiguredObject<?> parent) {
        return new QueueLimitsProviderImpl(attributes, (Broker<?>) parent);
    }
}
