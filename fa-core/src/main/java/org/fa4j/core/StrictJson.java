package org.fa4j.core;

import java.util.ArrayList;
import java.util.List;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * The strict field readers of model files: each takes a JSON object, a field name and where the object sits in the
 * file ({@code "spec.layers[0]"}), and returns the field's value or throws an {@link IllegalArgumentException} that
 * names the field, what it holds and the form expected. A fraction is not an integer, a quoted number is not a
 * number, and an object's unknown keys are an error.
 */
final class StrictJson {
    private StrictJson() {
    }

    static JsonNode req(JsonNode n, String field, String where) {
        JsonNode v = n.get(field);
        if (v == null) {
            throw new IllegalArgumentException("model JSON: missing field '" + path(where, field) + "' in " + abbreviate(n));
        }
        return v;
    }

    static String path(String where, String field) {
        return where.isEmpty() ? field : where + "." + field;
    }

    static IllegalArgumentException field(String where, JsonNode v, String expected) {
        return new IllegalArgumentException("model JSON: field '" + where + "' is " + abbreviate(v) + "; expected " + expected);
    }

    /** Throws unless {@code n} is an object whose fields are all in {@code required} or {@code optional}, and has the required ones. */
    static void fields(JsonNode n, String where, List<String> required, List<String> optional) {
        if (n == null || !n.isObject()) {
            throw field(where.isEmpty() ? "(top level)" : where, n, "an object with the fields " + required);
        }
        for (String f : names(n)) {
            if (!required.contains(f) && !optional.contains(f)) {
                List<String> known = new ArrayList<>(required);
                known.addAll(optional);
                throw new IllegalArgumentException("model JSON: unknown field '" + path(where, f) + "'; known fields: " + known);
            }
        }
        for (String f : required) {
            req(n, f, where);
        }
    }

    /**
     * Throws if {@code file} holds a key that {@code described} (the value read back and described again) lacks: a
     * key the reader ignored, such as a misspelt parameter.
     */
    static void requireKnownKeys(JsonNode file, JsonNode described, String where) {
        if (file == null || !file.isObject() || described == null || !described.isObject()) {
            return;
        }
        for (String f : names(file)) {
            JsonNode d = described.get(f);
            if (d == null) {
                List<String> known = names(described);
                throw new IllegalArgumentException("model JSON: unknown field '" + path(where, f) + "'; known fields: " + known);
            }
            JsonNode v = file.get(f);
            if (v.isObject()) {
                requireKnownKeys(v, d, path(where, f));
            } else if (v.isArray() && d.isArray()) {
                for (int i = 0; i < Math.min(v.size(), d.size()); i++) {
                    requireKnownKeys(v.get(i), d.get(i), path(where, f) + "[" + i + "]");
                }
            }
        }
    }

    static List<String> names(JsonNode n) {
        List<String> names = new ArrayList<>();
        n.fieldNames().forEachRemaining(names::add);
        return names;
    }

    static long longInt(JsonNode n, String f, String where) {
        JsonNode v = req(n, f, where);
        if (!v.isIntegralNumber() || !v.canConvertToLong()) {
            throw field(path(where, f), v, "an integer (a whole number without a fraction or quotes)");
        }
        return v.longValue();
    }

    static int nonNegativeInt(JsonNode n, String f, String where) {
        JsonNode v = req(n, f, where);
        if (!v.isIntegralNumber() || !v.canConvertToInt() || v.intValue() < 0) {
            throw field(path(where, f), v, "an integer from 0 to " + Integer.MAX_VALUE);
        }
        return v.intValue();
    }

    static int positiveInt(JsonNode n, String f, String where) {
        JsonNode v = req(n, f, where);
        if (!v.isIntegralNumber() || !v.canConvertToInt() || v.intValue() < 1) {
            throw field(path(where, f), v, "an integer from 1 to " + Integer.MAX_VALUE);
        }
        return v.intValue();
    }

    static double number(JsonNode n, String f, String where) {
        JsonNode v = req(n, f, where);
        if (!v.isNumber() || !Double.isFinite(v.doubleValue())) {
            throw field(path(where, f), v, "a finite number");
        }
        return v.doubleValue();
    }

    static String text(JsonNode n, String f, String where) {
        JsonNode v = req(n, f, where);
        if (!v.isTextual()) {
            throw field(path(where, f), v, "a string");
        }
        return v.textValue();
    }

    static boolean bool(JsonNode n, String f, String where) {
        JsonNode v = req(n, f, where);
        if (!v.isBoolean()) {
            throw field(path(where, f), v, "true or false");
        }
        return v.booleanValue();
    }

    static String abbreviate(JsonNode n) {
        String s = String.valueOf(n);
        return s.length() > 120 ? s.substring(0, 120) + "…" : s;
    }
}
