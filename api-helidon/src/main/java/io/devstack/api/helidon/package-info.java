/**
 * The API contract on Helidon SE 4: the web server, its route table, one HttpService per API area, and the glue to
 * common.
 */
package io.devstack.api.helidon;
