package io.devstack.common.http;

import java.util.List;

/** 422 ValidationError: every failing parameter at once, path first, then query, then body. */
public final class ValidationException extends ApiException {
    private final List<ValidationError> errors;

    public ValidationException(List<ValidationError> errors) {
        super(422, "ValidationError", "Request validation failed", ordered("validation_errors", List.copyOf(errors)));
        this.errors = List.copyOf(errors);
    }

    public List<ValidationError> errors() {
        return errors;
    }
}
