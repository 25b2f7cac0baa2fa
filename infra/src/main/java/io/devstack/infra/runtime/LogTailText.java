package io.devstack.infra.runtime;

import java.util.List;

/** A failure's text followed by the log lines that explain it, each on its own line as the CLI prints them. */
public final class LogTailText {

    private LogTailText() {}

    public static String append(String text, List<String> lines) {
        StringBuilder out = new StringBuilder(text);
        lines.forEach(line -> out.append(System.lineSeparator()).append("  | ").append(line));
        return out.toString();
    }
}
