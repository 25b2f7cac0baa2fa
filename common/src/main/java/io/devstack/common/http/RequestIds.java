package io.devstack.common.http;

import java.util.UUID;
import java.util.regex.Pattern;

/** The request-id rule: echo an incoming X-Request-ID of 1–128 chars from [A-Za-z0-9._-], else a new UUIDv4. */
public final class RequestIds {

    public static final String HEADER = "X-Request-ID";
    private static final Pattern ACCEPTED = Pattern.compile("[A-Za-z0-9._-]{1,128}");

    private RequestIds() {}

    public static String resolve(String incoming) {
        return incoming != null && ACCEPTED.matcher(incoming).matches()
                ? incoming
                : UUID.randomUUID().toString();
    }
}
