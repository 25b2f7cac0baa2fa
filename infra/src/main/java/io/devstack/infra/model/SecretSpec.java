package io.devstack.infra.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** One KV v2 secret at {@code secret/<name>}: its fields in a fixed order and how each is first filled. */
public record SecretSpec(String name, Map<String, SecretField> fields) {

    /** Every secret carries this switch; services turn TLS on when it is {@code true}. */
    public static final String TLS_ENABLED = "tls_enabled";

    public SecretSpec {
        fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
    }

    /** The KV v2 data path, e.g. {@code secret/data/postgres}. */
    public String dataPath() {
        return "secret/data/" + name;
    }

    public static Builder named(String name) {
        return new Builder(name);
    }

    /** Keeps fields in the order they are added, so every reader sees the same layout. */
    public static final class Builder {
        private final String name;
        private final Map<String, SecretField> fields = new LinkedHashMap<>();

        private Builder(String name) {
            this.name = name;
        }

        public Builder fixed(String field, String value) {
            return add(field, new SecretField.Fixed(value));
        }

        public Builder password(String field) {
            return add(field, new SecretField.Password(null));
        }

        public Builder sharedPassword(String field, String group) {
            return add(field, new SecretField.Password(group));
        }

        /** Ends the spec with {@code tls_enabled: false}, the default for every secret. */
        public SecretSpec withTlsFlag() {
            add(TLS_ENABLED, new SecretField.Flag(false));
            return new SecretSpec(name, fields);
        }

        private Builder add(String field, SecretField spec) {
            fields.put(field, spec);
            return this;
        }
    }
}
