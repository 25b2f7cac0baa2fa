package io.devstack.common.http;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The parameter rules of docs/api-contract.md as checks that collect errors instead of failing fast, so one 422 reports
 * every failing parameter. Call the checks in contract order (path, then query, then body), then
 * {@link #throwIfInvalid()}. Per parameter only the first failing constraint is reported, in the order
 * missing → too short → too long → pattern (as pydantic, the original, does). Lengths count code points.
 */
public final class Parameters {

    public static final String NAME_PATTERN = "^[a-zA-Z0-9_-]+$";
    public static final String CACHE_KEY_PATTERN = "^[a-zA-Z0-9_:.-]+$";
    public static final String QUEUE_NAME_PATTERN = "^[a-zA-Z0-9_.-]+$";

    public static final int SERVICE_NAME_MAX = 50;
    public static final int VAULT_KEY_MAX = 100;
    public static final int CACHE_KEY_MAX = 200;
    public static final int QUEUE_NAME_MAX = 100;
    public static final int CACHE_VALUE_MAX = 10_000;
    public static final int TTL_MIN = 1;
    public static final int TTL_MAX = 86_400;

    private static final Pattern NAME = compile(NAME_PATTERN);
    private static final Pattern CACHE_KEY = compile(CACHE_KEY_PATTERN);
    private static final Pattern QUEUE_NAME = compile(QUEUE_NAME_PATTERN);
    private static final Pattern INTEGER = Pattern.compile("[+-]?[0-9]+");

    private final List<ValidationError> errors = new ArrayList<>();

    private Parameters() {}

    public static Parameters check() {
        return new Parameters();
    }

    /** Path {@code service_name}: 1–50, {@value #NAME_PATTERN}. */
    public Parameters serviceName(String raw) {
        return string(List.of("path", "service_name"), raw, 1, SERVICE_NAME_MAX, NAME, NAME_PATTERN);
    }

    /** Path {@code key} of the Vault routes: 1–100, {@value #NAME_PATTERN}. */
    public Parameters vaultKey(String raw) {
        return string(List.of("path", "key"), raw, 1, VAULT_KEY_MAX, NAME, NAME_PATTERN);
    }

    /** Path {@code key} of the cache routes: 1–200, {@value #CACHE_KEY_PATTERN}. */
    public Parameters cacheKey(String raw) {
        return string(List.of("path", "key"), raw, 1, CACHE_KEY_MAX, CACHE_KEY, CACHE_KEY_PATTERN);
    }

    /** Path {@code queue_name} (queue info): 1–100, {@value #QUEUE_NAME_PATTERN}. */
    public Parameters queueNameInPath(String raw) {
        return string(List.of("path", "queue_name"), raw, 1, QUEUE_NAME_MAX, QUEUE_NAME, QUEUE_NAME_PATTERN);
    }

    /** Query {@code queue_name} (publish): required, 1–100, {@value #QUEUE_NAME_PATTERN}. */
    public Parameters queueNameInQuery(String raw) {
        return string(List.of("query", "queue_name"), raw, 1, QUEUE_NAME_MAX, QUEUE_NAME, QUEUE_NAME_PATTERN);
    }

    /** Cache {@code value}: required string of 0–10000 characters, found at {@code loc}. */
    public Parameters cacheValue(List<Object> loc, String raw) {
        return string(loc, raw, 0, CACHE_VALUE_MAX, null, null);
    }

    /**
     * Cache {@code ttl} given as text (query): optional integer 1–86400; returns the parsed value or
     * {@code null} when absent or invalid (the error is collected).
     */
    public Integer ttlText(List<Object> loc, String raw) {
        if (raw == null) {
            return null;
        }
        String trimmed = raw.strip();
        if (!INTEGER.matcher(trimmed).matches()) {
            errors.add(ValidationError.intParsing(loc, raw));
            return null;
        }
        return ttlRange(loc, new BigInteger(trimmed), raw);
    }

    /** Cache {@code ttl} already parsed from JSON as an integral number; {@code input} is echoed as given. */
    public Integer ttlNumber(List<Object> loc, BigInteger value, Object input) {
        return ttlRange(loc, value, input);
    }

    /** Adds an error found elsewhere (body parsing), keeping the call order. */
    public Parameters add(ValidationError error) {
        errors.add(error);
        return this;
    }

    public List<ValidationError> errors() {
        return List.copyOf(errors);
    }

    public boolean valid() {
        return errors.isEmpty();
    }

    /** Throws one {@link ValidationException} carrying every collected error, if any. */
    public void throwIfInvalid() {
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
    }

    private Integer ttlRange(List<Object> loc, BigInteger value, Object input) {
        if (value.compareTo(BigInteger.valueOf(TTL_MIN)) < 0) {
            errors.add(ValidationError.greaterThanEqual(loc, TTL_MIN, input));
            return null;
        }
        if (value.compareTo(BigInteger.valueOf(TTL_MAX)) > 0) {
            errors.add(ValidationError.lessThanEqual(loc, TTL_MAX, input));
            return null;
        }
        return value.intValueExact();
    }

    private Parameters string(List<Object> loc, String raw, int min, int max, Pattern pattern, String patternText) {
        if (raw == null) {
            errors.add(ValidationError.missing(loc));
            return this;
        }
        int length = raw.codePointCount(0, raw.length());
        if (length < min) {
            errors.add(ValidationError.tooShort(loc, min, raw));
        } else if (length > max) {
            errors.add(ValidationError.tooLong(loc, max, raw));
        } else if (pattern != null && !pattern.matcher(raw).matches()) {
            errors.add(ValidationError.patternMismatch(loc, patternText, raw));
        }
        return this;
    }

    /** The contract writes anchored patterns; {@code matches()} anchors already, so strip ^ and $. */
    private static Pattern compile(String anchored) {
        return Pattern.compile(anchored.substring(1, anchored.length() - 1));
    }
}
