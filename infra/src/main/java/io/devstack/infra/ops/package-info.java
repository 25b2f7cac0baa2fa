/** Day-to-day operations on the native stack: backup, restore and verify, live password rotation, service shells. */
package io.devstack.infra.ops;
