package io.devstack.infra.local;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * The JVM options of the five reference APIs, read from {@value #RESOURCE} (the JDK's argument-file syntax, so
 * {@code java @api-jvm.options} takes the same file). Every launcher of an API uses this list: {@code devstack up},
 * the tests' fixture, the benchmarks and the generated Docker image.
 */
public final class ApiJvmOptions {

    public static final String RESOURCE = "api-jvm.options";
    private static final List<String> OPTIONS = parse(read());

    private ApiJvmOptions() {}

    /** The options, in file order. */
    public static List<String> list() {
        return OPTIONS;
    }

    /**
     * Argument-file syntax as the {@code java} launcher reads it: {@code #} starts a comment, words split on blanks.
     */
    static List<String> parse(String file) {
        return file.lines()
                .map(line -> line.contains("#") ? line.substring(0, line.indexOf('#')) : line)
                .flatMap(line -> Arrays.stream(line.trim().split("\\s+")))
                .filter(word -> !word.isEmpty())
                .toList();
    }

    private static String read() {
        try (InputStream in = ApiJvmOptions.class.getResourceAsStream(RESOURCE)) {
            return new String(
                    Objects.requireNonNull(in, RESOURCE + " is missing from the infra jar")
                            .readAllBytes(),
                    StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
