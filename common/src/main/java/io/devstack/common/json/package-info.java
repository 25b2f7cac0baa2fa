/** The one JSON mapper: key order, null handling and number formats for every body the APIs write. */
package io.devstack.common.json;
