/** The contract as an OpenAPI 3.1 document (one resource, the same bytes for all five) and the Swagger UI over it. */
package io.devstack.common.docs;
