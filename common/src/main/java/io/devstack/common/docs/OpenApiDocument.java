package io.devstack.common.docs;

import io.devstack.common.http.ApiResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * The hand-written OpenAPI 3.1 document of docs/api-contract.md ({@code openapi.json} next to this class). It is
 * written by hand rather than generated so the five frameworks serve one document, byte for byte.
 */
public final class OpenApiDocument {

    public static final String RESOURCE = "openapi.json";
    private static final byte[] BYTES = load();

    private OpenApiDocument() {}

    /** The document's bytes (a fresh copy). */
    public static byte[] bytes() {
        return BYTES.clone();
    }

    /** The {@code GET /openapi.json} response. */
    public static ApiResponse response() {
        return new ApiResponse(200, ApiResponse.APPLICATION_JSON, BYTES.clone(), Map.of());
    }

    private static byte[] load() {
        try (InputStream in = OpenApiDocument.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("openapi.json is missing from the devstack-common jar");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
