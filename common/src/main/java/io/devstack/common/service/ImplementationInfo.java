package io.devstack.common.service;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.devstack.common.ApiModule;

/** The {@code implementation} block of {@code GET /}: the only part of that body that differs between the five. */
public record ImplementationInfo(
        String module,
        String framework,
        @JsonProperty("framework_version") String frameworkVersion,
        @JsonProperty("java_version") String javaVersion) {

    /** @param frameworkVersion e.g. read from the framework's own version class or jar manifest */
    public static ImplementationInfo of(ApiModule module, String frameworkVersion) {
        return new ImplementationInfo(
                module.moduleName(),
                module.framework(),
                frameworkVersion,
                Runtime.version().toString());
    }
}
