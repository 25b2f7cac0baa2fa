package io.devstack.infra.model;

import java.util.List;

/**
 * A service that logs in to Vault with its own AppRole and may read exactly {@code readableSecrets}
 * and issue certificates from its own PKI role, nothing else.
 */
public record AppRoleSpec(String name, List<String> readableSecrets) {

    public AppRoleSpec {
        readableSecrets = List.copyOf(readableSecrets);
    }

    public String policyName() {
        return name + "-policy";
    }

    public String appRoleName() {
        return name;
    }

    public String pkiRoleName() {
        return name + "-role";
    }

    /** The only PKI path the client may write to: issuing a certificate from its own role. */
    public String pkiIssuePath() {
        return "pki_int/issue/" + pkiRoleName();
    }
}
