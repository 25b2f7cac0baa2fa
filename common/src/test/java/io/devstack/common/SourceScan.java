package io.devstack.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** Reads this module's sources for the import rules tests: which files under a folder mention a pattern. */
public final class SourceScan {

    private SourceScan() {}

    /** {@code file: match} for every match of {@code pattern} in the {@code .java} files under {@code folder}. */
    public static List<String> matches(String folder, Pattern pattern) throws IOException {
        Path sources = Path.of(folder);
        assertThat(sources).isDirectory();
        try (Stream<Path> files = Files.walk(sources)) {
            return files.filter(p -> p.toString().endsWith(".java"))
                    .flatMap(file -> matchesIn(file, pattern))
                    .toList();
        }
    }

    private static Stream<String> matchesIn(Path file, Pattern pattern) {
        try {
            Matcher m = pattern.matcher(Files.readString(file));
            Stream.Builder<String> found = Stream.builder();
            while (m.find()) {
                found.add(file + ": " + m.group());
            }
            return found.build();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
