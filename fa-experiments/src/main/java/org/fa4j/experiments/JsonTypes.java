package org.fa4j.experiments;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.List;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * Whether a JSON value has the exact form of a Java type, with no coercion: Jackson on its own reads
 * {@code 100.5} into an {@code int} as 100, {@code "0.1"} into a {@code double} and {@code 5} into a {@code String}.
 * Used by the config readers, so a value is either what the field means or refused naming the expected form.
 */
final class JsonTypes {
    private JsonTypes() {
    }

    /**
     * {@code null} when {@code v} is a JSON value of type {@code type} ({@code int}, {@code long}, {@code double},
     * {@code boolean}, {@link String}, {@code List} of one of these), else the problem as {@code "is <v>; expected
     * <form>"}. Types not listed are left to the reader.
     */
    static String mismatch(JsonNode v, Type type) {
        if (v == null) {
            return "is missing";
        }
        String expected = expected(v, type);
        return expected == null ? null : "is " + abbreviate(v) + "; expected " + expected;
    }

    private static String expected(JsonNode v, Type type) {
        if (type == int.class || type == Integer.class) {
            return v.isIntegralNumber() && v.canConvertToInt() ? null
                    : "an integer from " + Integer.MIN_VALUE + " to " + Integer.MAX_VALUE + " (no fraction, no quotes)";
        }
        if (type == long.class || type == Long.class) {
            return v.isIntegralNumber() && v.canConvertToLong() ? null : "an integer (no fraction, no quotes)";
        }
        if (type == double.class || type == Double.class) {
            return v.isNumber() ? null : "a number (no quotes)";
        }
        if (type == boolean.class || type == Boolean.class) {
            return v.isBoolean() ? null : "true or false";
        }
        if (type == String.class) {
            return v.isTextual() ? null : "a string (in quotes)";
        }
        if (type instanceof ParameterizedType p && p.getRawType() == List.class) {
            Type element = p.getActualTypeArguments()[0];
            if (!v.isArray()) {
                return "a list";
            }
            for (int i = 0; i < v.size(); i++) {
                String e = expected(v.get(i), element);
                if (e != null) {
                    return "a list whose every entry is " + e + " (entry " + i + " is " + abbreviate(v.get(i)) + ")";
                }
            }
        }
        return null;
    }

    private static String abbreviate(JsonNode n) {
        String s = n.toString();
        return s.length() > 80 ? s.substring(0, 80) + "…" : s;
    }
}
