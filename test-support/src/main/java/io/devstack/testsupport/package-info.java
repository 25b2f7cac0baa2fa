/** The test fixture shared by every module's integration tests: the native stack, found or started once per JVM. */
package io.devstack.testsupport;
