/** The PostgreSQL client: a pgjdbc pool built from the Vault secret, its version probe and example query. */
package io.devstack.common.postgres;
