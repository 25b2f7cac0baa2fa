package io.devstack.api.spring;

import io.devstack.common.service.VaultService;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** A service's secret from Vault KV v2, whole or one key, sensitive values masked. */
@RestController
class VaultEndpoints {

    private final VaultService vault;

    VaultEndpoints(VaultService vault) {
        this.vault = vault;
    }

    @GetMapping("/examples/vault/secret/{service_name}")
    ResponseEntity<byte[]> secret(@PathVariable("service_name") String serviceName) {
        return Responses.write(vault.secret(serviceName));
    }

    @GetMapping("/examples/vault/secret/{service_name}/{key}")
    ResponseEntity<byte[]> secretKey(@PathVariable("service_name") String serviceName, @PathVariable String key) {
        return Responses.write(vault.secretKey(serviceName, key));
    }
}
