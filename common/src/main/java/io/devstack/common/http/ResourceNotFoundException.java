package io.devstack.common.http;

/** 404 ResourceNotFound: the route exists but the thing it names does not (secret, key, Redis node). */
public final class ResourceNotFoundException extends ApiException {
    public ResourceNotFoundException(String resourceType, String resourceId) {
        super(
                404,
                "ResourceNotFound",
                resourceType + " '" + resourceId + "' not found",
                ordered("resource_type", resourceType, "resource_id", resourceId));
    }
}
