package io.devstack.common.http;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * One item of {@code details.validation_errors}: {@code type}, {@code loc} (e.g. {@code ["query","ttl"]}),
 * {@code msg} (the exact texts of docs/api-contract.md) and {@code input} (the raw input, {@code null} when missing),
 * cut to {@link InputEcho#MAX_CHARS} characters.
 */
public record ValidationError(String type, List<Object> loc, String msg, Object input) {

    public ValidationError {
        loc = Collections.unmodifiableList(new ArrayList<>(loc));
        input = InputEcho.bounded(input);
    }

    public static ValidationError missing(List<Object> loc) {
        return new ValidationError("missing", loc, "Field required", null);
    }

    public static ValidationError tooShort(List<Object> loc, int min, Object input) {
        return new ValidationError("string_too_short", loc, "String should have at least " + characters(min), input);
    }

    public static ValidationError tooLong(List<Object> loc, int max, Object input) {
        return new ValidationError("string_too_long", loc, "String should have at most " + characters(max), input);
    }

    private static String characters(int count) {
        return count + " character" + (count == 1 ? "" : "s");
    }

    public static ValidationError patternMismatch(List<Object> loc, String regex, Object input) {
        return new ValidationError(
                "string_pattern_mismatch", loc, "String should match pattern '" + regex + "'", input);
    }

    public static ValidationError intParsing(List<Object> loc, Object input) {
        return new ValidationError(
                "int_parsing", loc, "Input should be a valid integer, unable to parse string as an integer", input);
    }

    public static ValidationError greaterThanEqual(List<Object> loc, long min, Object input) {
        return new ValidationError("greater_than_equal", loc, "Input should be greater than or equal to " + min, input);
    }

    public static ValidationError lessThanEqual(List<Object> loc, long max, Object input) {
        return new ValidationError("less_than_equal", loc, "Input should be less than or equal to " + max, input);
    }

    public static ValidationError dictType(List<Object> loc, Object input) {
        return new ValidationError("dict_type", loc, "Input should be a valid dictionary", input);
    }

    public static ValidationError jsonInvalid(List<Object> loc, Object input) {
        return new ValidationError("json_invalid", loc, "JSON decode error", input);
    }
}
