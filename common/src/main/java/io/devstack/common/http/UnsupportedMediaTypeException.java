package io.devstack.common.http;

/** 415 UnsupportedMediaType: a body whose Content-Type is not {@code application/json} where JSON is expected. */
public final class UnsupportedMediaTypeException extends ApiException {
    public UnsupportedMediaTypeException(String contentType) {
        super(
                415,
                "UnsupportedMediaType",
                "Content-Type '" + contentType + "' is not supported; send application/json",
                ordered("content_type", contentType));
    }
}
