package io.devstack.parity;

import io.devstack.testsupport.ReferenceApis;
import java.nio.file.Path;

/** The five APIs, found or started once per test JVM and shared by every test class here (stopped at JVM exit). */
final class FiveApis {

    private static ReferenceApis apis;

    private FiveApis() {}

    static synchronized ReferenceApis shared() {
        if (apis == null) {
            Path root = Path.of(System.getProperty("parity.projectRoot", ".."));
            apis = ReferenceApis.findOrStart(root, Path.of("target", "parity-logs"));
            Runtime.getRuntime().addShutdownHook(new Thread(apis::close, "stop-reference-apis"));
        }
        return apis;
    }
}
