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
import org.junit.jupiter.api.Test;

/**
 * {@code common} must stay framework-free, or the five APIs stop sharing it. spring-vault is a library and
 * allowed, and so is {@code org.springframework.web.client} (the HTTP client spring-vault is built on);
 * Spring's server side is not.
 */
class NoFrameworkImportsTest {

    private static final Pattern FORBIDDEN = Pattern.compile(
            "\\b(org\\.springframework\\.boot|org\\.springframework\\.web(?!\\.client\\b)|io\\.micronaut|io\\.helidon"
                    + "|io\\.vertx|io\\.javalin|jakarta\\.servlet|javax\\.servlet)\\.");

    @Test
    void noClassUnderIoDevstackCommonUsesAWebFramework() throws IOException {
        Path sources = Path.of("src/main/java/io/devstack/common");
        assertThat(sources).isDirectory();
        List<String> offenders;
        try (Stream<Path> files = Files.walk(sources)) {
            offenders = files.filter(p -> p.toString().endsWith(".java"))
                    .flatMap(NoFrameworkImportsTest::violations)
                    .toList();
        }
        assertThat(offenders).isEmpty();
    }

    @Test
    void thePatternCatchesWhatItMust() {
        assertThat(FORBIDDEN.matcher("import io.vertx.core.Vertx;").find()).isTrue();
        assertThat(FORBIDDEN
                        .matcher("import org.springframework.web.bind.annotation.GetMapping;")
                        .find())
                .isTrue();
        assertThat(FORBIDDEN.matcher("import jakarta.servlet.Filter;").find()).isTrue();
        assertThat(FORBIDDEN
                        .matcher("import org.springframework.vault.core.VaultTemplate;")
                        .find())
                .isFalse();
        assertThat(FORBIDDEN
                        .matcher("import org.springframework.web.client.RestClient;")
                        .find())
                .isFalse();
    }

    private static Stream<String> violations(Path file) {
        try {
            Matcher m = FORBIDDEN.matcher(Files.readString(file));
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
