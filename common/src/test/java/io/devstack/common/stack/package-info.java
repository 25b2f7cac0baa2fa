/** Test access to the real native stack: settings as an API gets them, an administrator's Vault session. */
package io.devstack.common.stack;
