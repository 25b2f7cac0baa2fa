package io.devstack.common.http;

import java.util.Map;

/** 413 PayloadTooLarge: body over 10 MiB, or a publish message over 1,000,000 bytes serialized. */
public final class PayloadTooLargeException extends ApiException {
    public PayloadTooLargeException(String message) {
        super(413, "PayloadTooLarge", message, Map.of());
    }
}
