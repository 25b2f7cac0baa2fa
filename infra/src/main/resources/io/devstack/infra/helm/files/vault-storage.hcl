# Vault for the DevStack Helm chart: the Compose runtime's config with integrated Raft storage on the
# StatefulSet's volume (cluster_addr comes from VAULT_CLUSTER_ADDR, the pod IP). Plain HTTP inside the cluster:
# the NetworkPolicies admit only pods on the vault network. The bootstrap Job initialises and configures it.
storage "raft" {
  path    = "/vault/file"
  node_id = "vault-0"
}
