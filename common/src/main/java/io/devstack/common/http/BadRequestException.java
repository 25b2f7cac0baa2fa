package io.devstack.common.http;

import java.util.Map;

/** 400 BadRequest: a request that parses and validates but makes no sense (e.g. an empty message). */
public final class BadRequestException extends ApiException {
    public BadRequestException(String message) {
        super(400, "BadRequest", message, Map.of());
    }
}
