#!/bin/sh
# postStart hook of the vault container. Only when the chart keeps the unseal key shares in Secret
# devstack-vault-keys (vault.storeUnsealKeysInSecret: true) does a restarted Vault unseal itself; otherwise it
# stays sealed until someone runs `vault operator unseal` (see the chart's NOTES). Never fails the container.
KEYS=/devstack/vault-keys
[ -r "$KEYS/unseal-key-1" ] || exit 0
export VAULT_ADDR=http://127.0.0.1:8200
waited=0
until vault status >/dev/null 2>&1 || [ $? -eq 2 ]; do
  [ "$waited" -ge 60 ] && exit 0
  sleep 2
  waited=$((waited + 2))
done
for key in "$KEYS"/unseal-key-*; do
  vault status >/dev/null 2>&1 && break
  vault write sys/unseal key=@"$key" >/dev/null 2>&1 || true
done
exit 0
