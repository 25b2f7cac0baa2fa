package io.devstack.common.http;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * The request-target rule every API applies before routing, so that a target the five servers would each read their
 * own way (strip, normalise, decode leniently or refuse) gets one answer: 400 Malformed request. A target is malformed
 * when a {@code %} does not start a two-hex-digit escape, when its escapes do not decode to UTF-8 (path or query), or
 * when a path segment, decoded, is {@code .} or {@code ..}, holds a {@code /} or {@code \}, or a control character
 * (U+0000–U+001F, U+007F); a raw {@code ;} in the path is refused too (servlet containers strip it as a path
 * parameter), and so is, in path or query, a raw ASCII character that RFC 3986 never allows unescaped
 * (space, {@code " < > \ ^ ` { | } [ ]}, control characters): some servers refused those, others passed them on.
 */
public final class RequestTargets {

    private RequestTargets() {}

    /** Whether {@code rawPath} (no query) and {@code rawQuery} ({@code null} when absent) pass the rule above. */
    public static boolean wellFormed(String rawPath, String rawQuery) {
        if (rawPath.indexOf(';') >= 0 || hasIllegalAscii(rawPath)) {
            return false;
        }
        if (rawQuery != null && (hasIllegalAscii(rawQuery) || decode(rawQuery) == null)) {
            return false;
        }
        for (String segment : rawPath.split("/", -1)) {
            String decoded = decode(segment);
            if (decoded == null || decoded.equals(".") || decoded.equals("..")) {
                return false;
            }
            if (decoded.chars().anyMatch(c -> c == '/' || c == '\\' || c < 0x20 || c == 0x7F)) {
                return false;
            }
        }
        return true;
    }

    /** A raw ASCII character outside RFC 3986's unreserved, sub-delims, {@code : @ / ? %}. */
    private static boolean hasIllegalAscii(String raw) {
        return raw.chars().anyMatch(c -> c < 0x80 && (c <= 0x20 || c == 0x7F || "\"<>\\^`{|}[]".indexOf(c) >= 0));
    }

    /**
     * Percent-decodes a path segment or query part strictly as UTF-8; {@code +} stays itself (form decoding would turn
     * it into a space). {@code null} when {@code raw} is not well encoded.
     */
    public static String decode(String raw) {
        if (raw.indexOf('%') < 0) {
            return raw;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c != '%') {
                bytes.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
                continue;
            }
            int high = i + 2 < raw.length() ? Character.digit(raw.charAt(i + 1), 16) : -1;
            int low = high < 0 ? -1 : Character.digit(raw.charAt(i + 2), 16);
            if (low < 0) {
                return null;
            }
            bytes.write(high << 4 | low);
            i += 2;
        }
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes.toByteArray()))
                    .toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }
}
