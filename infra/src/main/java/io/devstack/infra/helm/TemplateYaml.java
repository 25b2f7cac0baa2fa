package io.devstack.infra.helm;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Kubernetes objects built as plain maps and written with Jackson YAML, with Helm template actions where a value
 * comes from {@code values.yaml}. Jackson quotes and escapes every string; the markers below survive that and are
 * then turned into raw template actions, so no hand-written YAML indentation can drift:
 * <ul>
 *   <li>{@link #value}: an inline action, e.g. {@code replicas: {{ .Values.apis.replicas }}}</li>
 *   <li>{@link #block}: a YAML block produced by the action, e.g. {@code resources:{{- toYaml ... | nindent 12 }}}</li>
 *   <li>{@link #optionalLines}: a map key whose whole line is replaced by the action's output (or nothing)</li>
 * </ul>
 */
final class TemplateYaml {

    private static final String OPEN = "@@";
    private static final String CLOSE = "@@";
    /** A quoted YAML scalar: Jackson picks single quotes ({@code ''} escapes) or double quotes ({@code \\"}). */
    private static final String QUOTED = "(?:'((?:[^']|'')*)'|\"((?:[^\"\\\\]|\\\\.)*)\")";

    private static final Pattern LINE = Pattern.compile("(?m)^( *)" + QUOTED + ": null$");
    private static final Pattern BLOCK = Pattern.compile("(?m)^( *)([^\\s'\"]+): " + QUOTED + "$");
    private static final Pattern SCALAR = Pattern.compile(QUOTED);
    private static final Pattern ACTION = Pattern.compile("@@((?:(?!@@).)*)@@");

    private static final ObjectMapper MAPPER = new YAMLMapper(YAMLFactory.builder()
                    .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
                    .disable(YAMLGenerator.Feature.SPLIT_LINES)
                    .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
                    .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
                    .enable(YAMLGenerator.Feature.INDENT_ARRAYS_WITH_INDICATOR)
                    .build())
            // Map.of iterates in a per-JVM random order: sorted keys keep the generated chart byte-stable
            .configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);

    private TemplateYaml() {}

    /**
     * An inline template action: {@code value(".Values.apis.replicas")} renders {@code {{ .Values.apis.replicas }}}.
     */
    static String value(String action) {
        return OPEN + action + CLOSE;
    }

    /** A value that is a YAML block (a map or list) rendered by {@code action}, re-indented under its key. */
    static String block(String action) {
        return OPEN + "BLOCK " + action + CLOSE;
    }

    /** A map key (with a {@code null} value) standing for the lines {@code action} renders, possibly none. */
    static String optionalLines(String action) {
        return OPEN + "LINE " + action + CLOSE;
    }

    /** The objects as one template: {@code ---}-separated documents, wrapped in {@code condition} when given. */
    static String documents(String condition, List<Map<String, Object>> objects) {
        String body = objects.stream().map(TemplateYaml::yaml).collect(Collectors.joining("---\n"));
        return condition == null ? body : "{{- if " + condition + " }}\n" + body + "{{- end }}\n";
    }

    static String yaml(Object tree) {
        try {
            return actions(MAPPER.writeValueAsString(tree));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot render a chart template: " + e.getOriginalMessage(), e);
        }
    }

    private static String actions(String yaml) {
        String out = replace(
                LINE,
                yaml,
                m -> marker(m, 2, "LINE ")
                        .map(a -> m.group(1) + "{{- " + a + " | nindent "
                                + m.group(1).length() + " }}")
                        .orElse(m.group()));
        out = replace(
                BLOCK,
                out,
                m -> marker(m, 3, "BLOCK ")
                        .map(a -> m.group(1) + m.group(2) + ":{{- " + a + " | nindent "
                                + (m.group(1).length() + 2) + " }}")
                        .orElse(m.group()));
        // a scalar that is one action loses its quotes ({{ .Values.apis.replicas }} must stay a number)
        out = replace(
                SCALAR, out, m -> marker(m, 1, "").map(a -> "{{ " + a + " }}").orElse(m.group()));
        // what is left sits inside a longer string, e.g. '{{ .Chart.Name }}-{{ .Chart.Version }}'
        return replace(ACTION, out, m -> "{{ " + m.group(1) + " }}");
    }

    /** The action of a quoted scalar (groups {@code first}, {@code first + 1}) that is exactly one marker of a kind. */
    private static Optional<String> marker(MatchResult m, int first, String kind) {
        String text = m.group(first) != null
                ? m.group(first).replace("''", "'")
                : m.group(first + 1).replace("\\\"", "\"").replace("\\\\", "\\");
        Matcher action = ACTION.matcher(text);
        if (action.matches()
                && action.group(1).startsWith(kind)
                && (!kind.isEmpty() || !action.group(1).matches("(LINE|BLOCK) .*"))) {
            return Optional.of(action.group(1).substring(kind.length()));
        }
        return Optional.empty();
    }

    private static String replace(Pattern pattern, String text, Function<MatchResult, String> with) {
        return pattern.matcher(text).replaceAll(m -> Matcher.quoteReplacement(with.apply(m)));
    }
}
