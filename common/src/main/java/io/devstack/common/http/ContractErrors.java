package io.devstack.common.http;

import java.util.Objects;
import java.util.Set;

/**
 * The contract's error for an HTTP status a framework or its server decided on its own and reported only as a
 * number (no route, wrong method, body too large, unsupported media type, a request it could not parse). Each
 * module's {@code ErrorMapping} reads the status the framework's way and asks here which envelope it stands for.
 */
public final class ContractErrors {

    private ContractErrors() {}

    /** As {@link #forStatus(int, String, String, Throwable)}, a server error being a bug (the contract's 500). */
    public static Throwable forStatus(int status, String path, String contentType) {
        return forStatus(
                status,
                path,
                contentType,
                new IllegalStateException("The server answered HTTP " + status + " before any handler ran"));
    }

    /**
     * The error for {@code status}: 404 and 405 as the contract's route table decides for {@code path} (unknown →
     * 404, known → 405 with Allow), 413 the 10 MiB limit, 415 with the request's {@code contentType}, and any other
     * client error a malformed request (the contract has no envelope for 414 or 431). Anything else is
     * {@code otherwise}: the framework's own failure, rendered as the 500.
     *
     * @param path the raw request path ({@code null} when the server could not read one)
     * @param contentType the request's Content-Type, {@code null} when it had none
     */
    public static Throwable forStatus(int status, String path, String contentType, Throwable otherwise) {
        String rawPath = Objects.requireNonNullElse(path, "");
        return switch (status) {
            case 404, 405 -> {
                Set<String> allowed = ContractRoutes.allowedMethods(rawPath);
                yield allowed.isEmpty() ? new NotFoundException(rawPath) : new MethodNotAllowedException(allowed);
            }
            case 413 -> RequestBodies.tooLarge();
            case 415 -> new UnsupportedMediaTypeException(Objects.requireNonNullElse(contentType, ""));
            default -> status >= 400 && status < 500 ? BadRequestException.malformedRequest() : otherwise;
        };
    }
}
