/** The native stack's MongoDB-wire server: mongo-java-server on an H2 file store, with SCRAM-SHA-256 required. */
package io.devstack.infra.local.mongo;
