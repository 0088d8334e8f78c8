package org.fa4j.experiments;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Compares the numbers of two JSON trees (as Jackson reads them: maps, lists, numbers, strings, booleans): every number
 * must be bit for bit the same double (or the same integer), the non-finite numbers Jackson writes as the strings
 * {@code "NaN"}, {@code "Infinity"} and {@code "-Infinity"} must match exactly, and every object and list that holds
 * numbers must have the same keys and length. Other strings (prose, the command line, the software version) are not
 * compared. Keys in {@code excluded} are skipped wherever they occur.
 */
final class GoldenJson {
    private static final Set<String> NON_FINITE = Set.of("NaN", "Infinity", "-Infinity");

    private GoldenJson() {
    }

    /** The differences, one line each: {@code <file> <path>: expected <e>, actual <a>}; empty when the numbers agree. */
    static List<String> differences(String file, Object expected, Object actual, Set<String> excluded) {
        List<String> out = new ArrayList<>();
        compare(file, "$", expected, actual, excluded, out);
        return out;
    }

    private static void compare(String file, String path, Object e, Object a, Set<String> excluded, List<String> out) {
        if (e instanceof Map<?, ?> em) {
            if (!(a instanceof Map<?, ?> am)) {
                out.add(file + " " + path + ": expected an object, actual " + describe(a));
                return;
            }
            for (Map.Entry<?, ?> en : em.entrySet()) {
                String key = String.valueOf(en.getKey());
                if (excluded.contains(key)) {
                    continue;
                }
                String p = path + "." + key;
                if (!am.containsKey(key)) {
                    if (holdsNumbers(en.getValue())) {
                        out.add(file + " " + p + ": expected " + describe(en.getValue()) + ", actual missing");
                    }
                    continue;
                }
                compare(file, p, en.getValue(), am.get(key), excluded, out);
            }
            for (Map.Entry<?, ?> an : am.entrySet()) {
                String key = String.valueOf(an.getKey());
                if (!excluded.contains(key) && !em.containsKey(key) && holdsNumbers(an.getValue())) {
                    out.add(file + " " + path + "." + key + ": expected missing, actual " + describe(an.getValue()));
                }
            }
        } else if (e instanceof List<?> el) {
            if (!(a instanceof List<?> al)) {
                out.add(file + " " + path + ": expected a list, actual " + describe(a));
                return;
            }
            if (el.size() != al.size()) {
                out.add(file + " " + path + ": expected a list of " + el.size() + ", actual a list of " + al.size());
                return;
            }
            Iterator<?> ai = al.iterator();
            int i = 0;
            for (Object ev : el) {
                compare(file, path + "[" + i++ + "]", ev, ai.next(), excluded, out);
            }
        } else if (e instanceof Number en) {
            if (!(a instanceof Number an) || !sameNumber(en, an)) {
                out.add(file + " " + path + ": expected " + e + ", actual " + describe(a));
            }
        } else if (e instanceof Boolean || (e instanceof String s && NON_FINITE.contains(s))) {
            if (!e.equals(a)) {
                out.add(file + " " + path + ": expected " + e + ", actual " + describe(a));
            }
        }
    }

    private static boolean sameNumber(Number e, Number a) {
        if (isInteger(e) && isInteger(a)) {
            return e.longValue() == a.longValue();
        }
        return Double.doubleToLongBits(e.doubleValue()) == Double.doubleToLongBits(a.doubleValue());
    }

    private static boolean isInteger(Number n) {
        return n instanceof Integer || n instanceof Long || n instanceof Short || n instanceof Byte
                || n instanceof java.math.BigInteger;
    }

    /** Whether {@code v} is, or contains, a value this comparison checks. */
    private static boolean holdsNumbers(Object v) {
        if (v instanceof Map<?, ?> m) {
            return m.values().stream().anyMatch(GoldenJson::holdsNumbers);
        }
        if (v instanceof List<?> l) {
            return l.stream().anyMatch(GoldenJson::holdsNumbers);
        }
        return v instanceof Number || v instanceof Boolean || (v instanceof String s && NON_FINITE.contains(s));
    }

    private static String describe(Object v) {
        if (v == null) {
            return "null";
        }
        if (v instanceof Map<?, ?>) {
            return "an object";
        }
        if (v instanceof List<?> l) {
            return "a list of " + l.size();
        }
        return v instanceof String s ? "\"" + s + "\"" : v.toString();
    }
}
