package io.devstack.common;

/**
 * The five reference APIs: module name, framework shown in {@code GET /}, and their ports from docs/api-contract.md.
 */
public enum ApiModule {
    SPRING("api-spring", "Spring Boot", 8000, 8443),
    MICRONAUT("api-micronaut", "Micronaut", 8001, 8444),
    HELIDON("api-helidon", "Helidon SE", 8002, 8445),
    VERTX("api-vertx", "Vert.x", 8003, 8446),
    JAVALIN("api-javalin", "Javalin", 8004, 8447);

    private final String moduleName;
    private final String framework;
    private final int httpPort;
    private final int httpsPort;

    ApiModule(String moduleName, String framework, int httpPort, int httpsPort) {
        this.moduleName = moduleName;
        this.framework = framework;
        this.httpPort = httpPort;
        this.httpsPort = httpsPort;
    }

    public String moduleName() {
        return moduleName;
    }

    public String framework() {
        return framework;
    }

    public int httpPort() {
        return httpPort;
    }

    public int httpsPort() {
        return httpsPort;
    }
}
