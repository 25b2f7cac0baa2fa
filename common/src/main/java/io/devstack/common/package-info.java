/**
 * Everything the five APIs share: contract behaviour, backend clients and the composition root, free of any web
 * framework.
 */
package io.devstack.common;
