package io.devstack.common;

/**
 * A configuration variable holds a value the API cannot use. The message is one line: the variable, what is wrong
 * and the expected form; it never repeats a value that could be a secret.
 */
public final class InvalidSettingException extends IllegalArgumentException {

    private final String variable;

    public InvalidSettingException(String variable, String message) {
        super(message);
        this.variable = variable;
    }

    public String variable() {
        return variable;
    }
}
