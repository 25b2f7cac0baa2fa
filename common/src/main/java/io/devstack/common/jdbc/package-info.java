/** What the PostgreSQL and MySQL clients share: a HikariCP pool built from a Vault secret, and one-value queries. */
package io.devstack.common.jdbc;
