package io.devstack.common.resilience;

/** The six backends an API talks to; {@link #service()} is the name used in 503 details and metric labels. */
public enum Backend {
    VAULT("vault", "Vault"),
    POSTGRES("postgres", "PostgreSQL"),
    MYSQL("mysql", "MySQL"),
    MONGODB("mongodb", "MongoDB"),
    REDIS("redis", "Redis"),
    RABBITMQ("rabbitmq", "RabbitMQ");

    private final String service;
    private final String displayName;

    Backend(String service, String displayName) {
        this.service = service;
        this.displayName = displayName;
    }

    public String service() {
        return service;
    }

    /** The product name users know, as in "PostgreSQL connection failed". */
    public String displayName() {
        return displayName;
    }
}
