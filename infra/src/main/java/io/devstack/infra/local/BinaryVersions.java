package io.devstack.infra.local;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** Versions of the server binaries on the classpath (from the build), used to name their unpack folders. */
public final class BinaryVersions {

    private static final Properties VERSIONS = load();

    private BinaryVersions() {}

    public static String of(String server) {
        String version = VERSIONS.getProperty(server);
        if (version == null || version.startsWith("${")) {
            throw new IllegalStateException("no version recorded for " + server + "; rebuild infra");
        }
        return version;
    }

    private static Properties load() {
        Properties properties = new Properties();
        try (InputStream in = BinaryVersions.class.getResourceAsStream("versions.properties")) {
            if (in != null) {
                properties.load(in);
            }
            return properties;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
