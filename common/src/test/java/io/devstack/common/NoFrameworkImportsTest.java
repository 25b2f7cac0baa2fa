package io.devstack.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.regex.Pattern;
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
        assertThat(SourceScan.matches("src/main/java/io/devstack/common", FORBIDDEN))
                .isEmpty();
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
}
