/** The MySQL client: a HikariCP pool of MariaDB-driver connections built from the Vault secret, probe and query. */
package io.devstack.common.mysql;
