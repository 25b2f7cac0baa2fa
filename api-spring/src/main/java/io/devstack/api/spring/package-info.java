/** The API contract on Spring Boot (Web MVC on virtual threads): thin glue from Spring's hooks to {@code common}. */
package io.devstack.api.spring;
