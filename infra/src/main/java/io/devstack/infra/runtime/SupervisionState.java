package io.devstack.infra.runtime;

import io.devstack.infra.DevstackHome;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * What the supervisor has done to each service since it started, for {@code status}: how many times it restarted
 * it and whether it gave up. Written by the supervisor ({@code run/supervision.properties}, atomically), removed by
 * {@code down}.
 *
 * @param restarts restarts the supervisor made (successful or not)
 * @param gaveUp true once it left the service stopped after too many crashes ({@code up} starts it again)
 */
record SupervisionState(int restarts, boolean gaveUp) {

    static final SupervisionState NONE = new SupervisionState(0, false);
    private static final String FILE = "supervision.properties";

    static Path file(DevstackHome home) {
        return home.runDir().resolve(FILE);
    }

    /** Every service's state; empty when no supervisor has run since the last {@code down}. */
    static Map<String, SupervisionState> read(DevstackHome home) {
        Map<String, SupervisionState> states = new TreeMap<>();
        Path file = file(home);
        if (!Files.isRegularFile(file)) {
            return states;
        }
        Properties properties = new Properties();
        try {
            properties.load(new StringReader(Files.readString(file)));
        } catch (IOException e) {
            return states; // being replaced right now: the next status reads it
        }
        for (String key : properties.stringPropertyNames()) {
            String restarts = properties.getProperty(key);
            if (key.endsWith(".restarts") && restarts.matches("[0-9]{1,9}")) {
                String service = key.substring(0, key.length() - ".restarts".length());
                states.put(
                        service,
                        new SupervisionState(
                                Integer.parseInt(restarts),
                                Boolean.parseBoolean(properties.getProperty(service + ".gave-up"))));
            }
        }
        return states;
    }

    static void write(DevstackHome home, Map<String, SupervisionState> states) {
        Properties properties = new Properties();
        states.forEach((service, state) -> {
            properties.setProperty(service + ".restarts", Integer.toString(state.restarts()));
            properties.setProperty(service + ".gave-up", Boolean.toString(state.gaveUp()));
        });
        StringWriter text = new StringWriter();
        try {
            properties.store(text, "written by the devstack supervisor");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        DevstackHome.writePrivateFile(file(home), text.toString());
    }

    static void clear(DevstackHome home) {
        try {
            Files.deleteIfExists(file(home));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
