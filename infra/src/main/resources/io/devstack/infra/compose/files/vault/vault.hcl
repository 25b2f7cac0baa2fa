# Vault for the DevStack compose runtime: file storage on a named volume, plain HTTP on the vault network.
# `devstack up --runtime docker` initialises (5 shares, threshold 3), unseals and bootstraps it.
storage "file" {
  path = "/vault/file"
}

listener "tcp" {
  address     = "0.0.0.0:8200"
  tls_disable = true
}

api_addr      = "http://vault:8200"
ui            = true
disable_mlock = true

# Prometheus scrapes /v1/sys/metrics?format=prometheus with a read-only token
telemetry {
  prometheus_retention_time = "60s"
  disable_hostname          = true
}
