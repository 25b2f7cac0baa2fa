package io.devstack.common.http;

/** 403 PermissionDenied: Vault's policy refused the read. */
public final class PermissionDeniedException extends ApiException {
    public PermissionDeniedException(String secretPath) {
        super(
                403,
                "PermissionDenied",
                "Vault denied access to secret '" + secretPath + "'",
                ordered("service", "vault", "secret_path", secretPath));
    }
}
