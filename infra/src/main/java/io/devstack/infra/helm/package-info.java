/**
 * The Kubernetes half of the model: stack model → Helm chart (workloads, Vault bootstrap Job, NetworkPolicies, values).
 */
package io.devstack.infra.helm;
