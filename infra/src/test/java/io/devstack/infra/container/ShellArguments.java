package io.devstack.infra.container;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The arguments a POSIX shell script hands to the programs it runs, with the variables each one expands: enough
 * of a shell lexer (quotes, {@code $(…)}, pipes and lists, redirections, here-documents, {@code sh -c}) to tell an
 * argument, which any user sees in {@code ps}, from an environment assignment ({@code PGPASSWORD="$X" psql}), a
 * redirection target, here-document text or an argument of a shell builtin such as {@code printf}, none of which
 * reaches a command line.
 */
public final class ShellArguments {

    /** One word in argument position of a program, and the variables it expands (outside single quotes). */
    public record Argument(String program, String word, Set<String> expands) {}

    /** Builtins of dash, busybox ash and bash: their arguments never become a process's command line. */
    private static final Set<String> BUILTINS = Set.of(
            "printf", "echo", "test", "[", "export", "read", "local", "set", "unset", "shift", "true", "false", ":",
            "cd", "return", "exit", "wait", "umask", ".", "case", "esac", "in", "for", "trap");
    /** Reserved words that may start a command; the word after them is the program. */
    private static final Set<String> KEYWORDS =
            Set.of("if", "then", "else", "elif", "fi", "do", "done", "while", "until", "!", "{", "}", "exec");

    private static final Set<String> SHELLS = Set.of("sh", "bash", "dash", "ash", "/bin/sh", "/bin/bash");

    private static final Pattern FUNCTION = Pattern.compile("(?m)^\\s*([A-Za-z_][A-Za-z0-9_]*)\\s*\\(\\)");

    private static final Pattern VARIABLE = Pattern.compile("\\$\\{?([A-Za-z_][A-Za-z0-9_]*)");

    private final String text;
    /** The script's own functions: calling one runs no program (their bodies are lexed where they stand). */
    private final Set<String> functions = new HashSet<>();

    private final List<Argument> found = new ArrayList<>();
    private final Set<String> programs = new LinkedHashSet<>();
    private int pos;

    private ShellArguments(String text) {
        this.text = text;
        FUNCTION.matcher(text).results().forEach(m -> functions.add(m.group(1)));
    }

    /** Every program argument in {@code script}, including those of nested {@code $(…)} and {@code sh -c}. */
    public static List<Argument> of(String script) {
        return lexed(script).found;
    }

    /** Every program {@code script} runs (not builtins, not its own functions), nested ones included. */
    public static Set<String> programs(String script) {
        return lexed(script).programs;
    }

    private static ShellArguments lexed(String script) {
        ShellArguments lexer = new ShellArguments(script);
        lexer.script(false);
        return lexer;
    }

    /** Lexes until the end, or until the {@code )} closing a command substitution when {@code nested}. */
    private void script(boolean nested) {
        List<Word> command = new ArrayList<>();
        List<String> heredocs = new ArrayList<>();
        Word word = null;
        boolean redirectTarget = false;
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (c == '#' && word == null) {
                int end = text.indexOf('\n', pos);
                pos = end < 0 ? text.length() : end;
                continue;
            }
            if (c == '\'' || c == '"' || c == '$' || c == '\\' || !isBreak(c)) {
                if (word == null) {
                    word = new Word(redirectTarget);
                    redirectTarget = false;
                }
                wordPart(word);
                continue;
            }
            pos++;
            if (word != null) {
                boolean fileDescriptor =
                        (c == '<' || c == '>') && word.text.toString().matches("\\d+");
                if (!fileDescriptor) {
                    command.add(word);
                }
                word = null;
            }
            if (c == '<' || c == '>') {
                if (c == '<' && pos < text.length() && text.charAt(pos) == '<') {
                    pos++;
                    heredocs.add(delimiter());
                } else {
                    redirectTarget = true;
                    while (pos < text.length() && (text.charAt(pos) == '>' || text.charAt(pos) == '&')) {
                        pos++;
                    }
                }
            } else if (c == ')' && nested) {
                finish(command);
                return;
            } else if (c == '|' || c == '&' || c == ';' || c == '\n' || c == '(' || c == ')' || c == '`') {
                finish(command);
                command = new ArrayList<>();
                if (c == '\n') {
                    heredocs.forEach(this::skipHeredoc);
                    heredocs.clear();
                }
            }
        }
        if (word != null) {
            command.add(word);
        }
        finish(command);
    }

    private static boolean isBreak(char c) {
        return Character.isWhitespace(c) || "|&;<>()`".indexOf(c) >= 0;
    }

    /** Reads one quoted or unquoted piece of a word, noting expanded variables. */
    private void wordPart(Word word) {
        char c = text.charAt(pos);
        if (c == '\'') {
            int end = text.indexOf('\'', pos + 1);
            end = end < 0 ? text.length() : end;
            word.text.append(text, pos + 1, end);
            pos = Math.min(end + 1, text.length());
        } else if (c == '"') {
            pos++;
            while (pos < text.length() && text.charAt(pos) != '"') {
                if (text.charAt(pos) == '$') {
                    dollar(word);
                } else {
                    if (text.charAt(pos) == '\\' && pos + 1 < text.length()) {
                        pos++;
                    }
                    word.text.append(text.charAt(pos++));
                }
            }
            pos++;
        } else if (c == '$') {
            dollar(word);
        } else if (c == '\\' && pos + 1 < text.length()) {
            word.text.append(text.charAt(pos + 1));
            pos += 2;
        } else {
            word.text.append(c);
            pos++;
        }
    }

    /** {@code $NAME}, {@code ${NAME…}}, {@code $(…)} (lexed as a script of its own) or a special parameter. */
    private void dollar(Word word) {
        pos++;
        if (pos >= text.length()) {
            word.text.append('$');
            return;
        }
        char c = text.charAt(pos);
        if (c == '(') {
            pos++;
            int start = pos;
            script(true);
            // what a substitution prints may carry what it read (printf "$X"): its variables count for the word too
            VARIABLE.matcher(text.substring(start, pos)).results().forEach(m -> word.expands.add(m.group(1)));
            word.text.append("$(…)");
        } else if (c == '{') {
            int end = text.indexOf('}', pos);
            end = end < 0 ? text.length() : end;
            String inner = text.substring(pos + 1, end).replaceFirst("^[#!]", "");
            word.expands.add(inner.replaceFirst("[^A-Za-z0-9_].*$", ""));
            word.text.append("${").append(inner).append('}');
            pos = Math.min(end + 1, text.length());
        } else {
            int start = pos;
            while (pos < text.length() && (Character.isLetterOrDigit(text.charAt(pos)) || text.charAt(pos) == '_')) {
                pos++;
            }
            if (pos == start && pos < text.length() && "@*#?$!-".indexOf(text.charAt(pos)) >= 0) {
                pos++;
            }
            word.expands.add(text.substring(start, pos));
            word.text.append('$').append(text, start, pos);
        }
    }

    private String delimiter() {
        while (pos < text.length() && (text.charAt(pos) == ' ' || text.charAt(pos) == '-')) {
            pos++;
        }
        Word word = new Word(true);
        while (pos < text.length() && !isBreak(text.charAt(pos))) {
            wordPart(word);
        }
        return word.text.toString();
    }

    private void skipHeredoc(String delimiter) {
        while (pos < text.length()) {
            int end = text.indexOf('\n', pos);
            end = end < 0 ? text.length() : end;
            String line = text.substring(pos, end).strip();
            pos = Math.min(end + 1, text.length());
            if (line.equals(delimiter)) {
                return;
            }
        }
    }

    /** Records the arguments of one simple command: after its assignments and reserved words, unless a builtin. */
    private void finish(List<Word> command) {
        int i = 0;
        while (i < command.size()
                && (command.get(i).redirectTarget
                        || KEYWORDS.contains(command.get(i).text.toString())
                        || command.get(i).text.toString().matches("[A-Za-z_][A-Za-z0-9_]*=.*"))) {
            i++;
        }
        if (i >= command.size()) {
            return;
        }
        String program = command.get(i).text.toString();
        if (BUILTINS.contains(program) || functions.contains(program)) {
            return;
        }
        programs.add(program);
        List<Word> args = command.subList(i + 1, command.size()).stream()
                .filter(w -> !w.redirectTarget)
                .toList();
        for (int a = 0; a < args.size(); a++) {
            Word arg = args.get(a);
            found.add(new Argument(program, arg.text.toString(), Set.copyOf(arg.expands)));
            if (SHELLS.contains(program) && arg.text.toString().equals("-c") && a + 1 < args.size()) {
                ShellArguments inner = lexed(args.get(a + 1).text.toString());
                found.addAll(inner.found);
                programs.addAll(inner.programs);
            }
        }
    }

    private static final class Word {
        final StringBuilder text = new StringBuilder();
        final Set<String> expands = new LinkedHashSet<>();
        final boolean redirectTarget;

        Word(boolean redirectTarget) {
            this.redirectTarget = redirectTarget;
        }
    }
}
