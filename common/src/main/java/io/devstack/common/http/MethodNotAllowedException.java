package io.devstack.common.http;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** 405 MethodNotAllowed: the path is a contract route but not for this method; carries {@code Allow}. */
public final class MethodNotAllowedException extends ApiException {
    public MethodNotAllowedException(Set<String> allowedMethods) {
        this(List.copyOf(new TreeSet<>(allowedMethods)));
    }

    private MethodNotAllowedException(List<String> sorted) {
        super(
                405,
                "MethodNotAllowed",
                "Method not allowed; allowed: " + String.join(", ", sorted),
                ordered("allowed_methods", sorted),
                Map.of("Allow", String.join(", ", sorted)));
    }
}
