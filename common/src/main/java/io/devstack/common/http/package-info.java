/** The HTTP contract as plain Java: responses, error envelopes, validation, request ids, CORS, rate limits, routes. */
package io.devstack.common.http;
