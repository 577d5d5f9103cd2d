package dev.oci4j.runtime.codegen;

import java.util.Map;
import java.util.Set;

/**
 * One row of the table: a JSON member of a Go struct and the Java member that holds it.
 *
 * @param owner the Java class
 * @param json the JSON key
 * @param java the Java accessor and builder name
 * @param goType the Go type as the table spells it ({@code *int64}, {@code []Hook}, {@code map[string]string})
 * @param omitempty whether the Go tag says omitempty
 * @param level the requirement level as the spec words it
 * @param item the singular for addItem/putItem, or null
 * @param doc the accessor's documentation after the level
 * @param line the table line, for errors
 */
record Member(String owner, String json, String java, String goType, boolean omitempty, String level, String item,
        String doc, int line) {

    /** Go types that are not classes of the table. */
    static final Set<String> SCALARS = Set.of("string", "bool", "int", "int32", "int64", "uint", "uint16", "uint32", "uint64", "json");

    /** Go integer types to the IntType constant that carries them in a long. */
    private static final Map<String, String> INT_TYPES = Map.of(
            "int", "I64", "int64", "I64", "int32", "I32", "uint", "U64", "uint64", "U64", "uint32", "U32", "uint16", "U16");

    /** The shape of a member: one value, a Go pointer, a slice or a map. */
    enum Shape { VALUE, POINTER, LIST, MAP }

    static Member of(String owner, String json, String java, String goType, String omit, String level, String item,
            String doc, int line) {
        if (!omit.equals("omitempty") && !omit.equals("-")) {
            throw new IllegalArgumentException(ModelTable.PATH + ":" + line + ": omitempty column must be omitempty or -, found " + omit);
        }
        Member m = new Member(owner, json, java, goType, omit.equals("omitempty"), level, item.equals("-") ? null : item, doc, line);
        if ((m.shape() == Shape.LIST || m.shape() == Shape.MAP) && m.item == null) {
            throw new IllegalArgumentException(ModelTable.PATH + ":" + line + ": a list or map needs its item name");
        }
        return m;
    }

    Shape shape() {
        if (goType.startsWith("[]")) {
            return Shape.LIST;
        }
        if (goType.startsWith("map[string]")) {
            return Shape.MAP;
        }
        return goType.startsWith("*") ? Shape.POINTER : Shape.VALUE;
    }

    /** The type of one value: the Go type without pointer, slice or map. */
    String elementType() {
        return goType.replaceFirst("^(\\*|\\[\\]|map\\[string\\])", "");
    }

    /** The IntType constant of an integer member, or null. */
    String intType() {
        return INT_TYPES.get(elementType());
    }

    boolean isInteger() {
        return intType() != null;
    }

    boolean isString() {
        return elementType().equals("string");
    }

    boolean isBool() {
        return elementType().equals("bool");
    }

    boolean isRawJson() {
        return elementType().equals("json");
    }

    boolean isUnsigned64() {
        return "U64".equals(intType());
    }

    /** Whether build() insists on this member: exactly REQUIRED, and a single value (lists and maps start empty). */
    boolean enforced() {
        return level.equals("REQUIRED") && (shape() == Shape.VALUE || shape() == Shape.POINTER);
    }

    /** The name with its first letter upper-cased, for clearX/addX/putX. */
    static String capitalized(String name) {
        return Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }
}
