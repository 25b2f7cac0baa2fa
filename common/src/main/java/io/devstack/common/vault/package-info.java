/** Vault: AppRole session with renewal and re-login, the shared KV secret cache, credentialed clients, masking, PKI. */
package io.devstack.common.vault;
