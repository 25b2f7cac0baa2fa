package io.devstack.api.javalin;

import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The base of every test that talks to the API: its test methods receive the one {@link RunningApi} of the test JVM
 * as a parameter (JUnit's parameter resolution, {@link RunningApi.Extension}).
 */
@ExtendWith(RunningApi.Extension.class)
abstract class ApiTestBase {}
