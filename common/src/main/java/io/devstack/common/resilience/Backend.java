package io.devstack.common.resilience;

/** The six backends an API talks to; {@link #service()} is the name used in 503 details and metric labels. */
public enum Backend {
    VAULT("vault", "Vault", true),
    POSTGRES("postgres", "PostgreSQL", true),
    MYSQL("mysql", "MySQL", true),
    MONGODB("mongodb", "MongoDB", true),
    REDIS("redis", "Redis", true),
    RABBITMQ("rabbitmq", "RabbitMQ", false);

    private final String service;
    private final String displayName;
    private final boolean interruptible;

    Backend(String service, String displayName, boolean interruptible) {
        this.service = service;
        this.displayName = displayName;
        this.interruptible = interruptible;
    }

    public String service() {
        return service;
    }

    /**
     * Whether a call past its deadline may be interrupted. An interrupted JDBC, MongoDB or Vault (HTTP) call on a
     * virtual thread ends with its socket closed, which the pools replace (lettuce is asynchronous: nothing to
     * interrupt). The RabbitMQ Java client does not survive it: a publish parked on the broker's flow control (a full
     * disk) catches the interrupt, sets it again and waits again, a busy loop that holds the channel lock and a
     * carrier thread for good and starves the connection's reader thread. Its calls are abandoned instead: a publish's
     * channel is aborted ({@link BackendCalls#call(Backend, String, BackendCall, Runnable)}), its RPCs end at their own
     * timeout.
     */
    public boolean interruptible() {
        return interruptible;
    }

    /** The product name users know, as in "PostgreSQL connection failed". */
    public String displayName() {
        return displayName;
    }
}
