package io.devstack.common.http;

/**
 * 403 Forbidden: the request did not come the way a local client's does — its {@code Host} names none of this API's
 * names (DNS rebinding), or it would change state from a web page of a foreign {@code Origin} (a cross-site POST
 * needs no CORS preflight). Refused before any handler or backend runs. See {@link HostPolicy}.
 */
public final class ForbiddenException extends ApiException {

    public static ForbiddenException host(String host) {
        return new ForbiddenException(
                "Host '" + InputEcho.prefix(host) + "' is not a name of this API; use localhost "
                        + "or 127.0.0.1, or add the name to " + HostPolicy.ENV_VAR,
                "host_not_allowed");
    }

    public static ForbiddenException origin(String origin) {
        return new ForbiddenException(
                "Origin '" + InputEcho.prefix(origin) + "' may not change state here; add it to " + CorsPolicy.ENV_VAR
                        + " to allow it",
                "origin_not_allowed");
    }

    private ForbiddenException(String message, String reason) {
        super(403, "Forbidden", message, ordered("reason", reason));
    }
}
