package io.devstack.common.http;

import java.util.Map;

/** 404 NotFound: no contract route matches the path. */
public final class NotFoundException extends ApiException {
    public NotFoundException(String path) {
        super(404, "NotFound", "No route matches " + path, Map.of());
    }
}
