/** The MongoDB client: the sync driver authenticated from the Vault secret, its version probe and collection list. */
package io.devstack.common.mongodb;
