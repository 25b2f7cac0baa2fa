/**
 * Vault in the native runtime: the OpenBao binary and config, init/unseal/bootstrap, AppRole files, root-token access.
 */
package io.devstack.infra.vault;
