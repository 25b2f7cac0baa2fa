package io.devstack.infra.local.mongo;

/**
 * Why a SCRAM conversation failed. The reason is for the server log only: the client is always told just
 * "Authentication failed." (code 18), as MongoDB does, so nobody learns which user names exist.
 */
final class AuthenticationFailure extends Exception {

    AuthenticationFailure(String reason) {
        super(reason, null, false, false);
    }
}
