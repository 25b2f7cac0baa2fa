# Vault for the DevStack Helm chart: integrated Raft storage on the StatefulSet's volume, plain HTTP inside the
# cluster (the NetworkPolicies admit only the vault network). The bootstrap Job initialises and configures it.
storage "raft" {
  path    = "/vault/file"
  node_id = "vault-0"
}

listener "tcp" {
  address         = "0.0.0.0:8200"
  cluster_address = "0.0.0.0:8201"
  tls_disable     = true
}

# cluster_addr comes from VAULT_CLUSTER_ADDR (the pod IP), which Raft requires
api_addr      = "http://vault:8200"
ui            = true
disable_mlock = true

telemetry {
  prometheus_retention_time = "60s"
  disable_hostname          = true
}
