package io.devstack.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * No two main types in the project share a simple name, so a name found in a stack trace, a review or a search
 * means one thing. The one exception is deliberate: the five {@code api-*} modules use the same file name for the
 * same role ({@code Application}, {@code ErrorMapping}, {@code CacheEndpoints}, ...), at most one per module, so
 * they can be read side by side.
 */
class SourceLayoutTest {

    /** The reactor root: surefire runs in {@code <root>/test-support}. */
    private static final Path ROOT = Path.of("").toAbsolutePath().getParent();

    @Test
    void everyMainTypeHasAProjectWideUniqueSimpleNameExceptTheApiModulesSameRoleFiles() throws IOException {
        Map<String, List<Path>> byName = mainSources().stream()
                .collect(Collectors.groupingBy(
                        p -> p.getFileName().toString().replaceFirst("\\.java$", ""),
                        TreeMap::new,
                        Collectors.toList()));
        assertThat(byName).as("no main source found under %s", ROOT).isNotEmpty();

        String clashes = byName.entrySet().stream()
                .filter(e -> e.getValue().size() > 1 && !isSameRoleAcrossApiModules(e.getValue()))
                .map(e -> "  " + e.getKey() + ": "
                        + e.getValue().stream()
                                .map(p -> ROOT.relativize(p).toString())
                                .collect(Collectors.joining(", ")))
                .collect(Collectors.joining("\n"));
        assertThat(clashes)
                .as(
                        "main types sharing a simple name:\n%s\nRename one (or both) to a name that says what it is, "
                                + "e.g. infra's AppRoleSpec beside common's VaultClient. Only the five api-* "
                                + "modules may share "
                                + "a file name, for the same role and once per module.",
                        clashes)
                .isEmpty();
    }

    @Test
    void theApiModulesExceptionDoesNotCoverAClashInsideOrOutsideThem() {
        Path spring = ROOT.resolve("api-spring/src/main/java/io/devstack/api/spring/Application.java");
        Path vertx = ROOT.resolve("api-vertx/src/main/java/io/devstack/api/vertx/Application.java");
        Path common = ROOT.resolve("common/src/main/java/io/devstack/common/Application.java");
        Path springAgain = ROOT.resolve("api-spring/src/main/java/io/devstack/api/spring/web/Application.java");

        assertThat(isSameRoleAcrossApiModules(List.of(spring, vertx))).isTrue();
        assertThat(isSameRoleAcrossApiModules(List.of(spring, common))).isFalse();
        assertThat(isSameRoleAcrossApiModules(List.of(spring, springAgain))).isFalse();
    }

    /** Every file in an {@code api-*} module, each in a different one. */
    private static boolean isSameRoleAcrossApiModules(List<Path> files) {
        List<String> modules = files.stream().map(SourceLayoutTest::module).toList();
        return modules.stream().allMatch(m -> m.startsWith("api-"))
                && modules.stream().distinct().count() == modules.size();
    }

    private static String module(Path file) {
        return ROOT.relativize(file).getName(0).toString();
    }

    /** Every {@code <module>/src/main/java/**.java} but {@code package-info.java} and {@code module-info.java}. */
    private static List<Path> mainSources() throws IOException {
        try (Stream<Path> modules = Files.list(ROOT)) {
            List<Path> roots = modules.map(m -> m.resolve("src/main/java"))
                    .filter(Files::isDirectory)
                    .toList();
            List<Path> sources = new ArrayList<>();
            for (Path root : roots) {
                try (Stream<Path> files = Files.walk(root)) {
                    files.filter(p -> p.toString().endsWith(".java"))
                            .filter(p -> !p.getFileName().toString().matches("(package|module)-info\\.java"))
                            .forEach(sources::add);
                }
            }
            return sources;
        }
    }
}
