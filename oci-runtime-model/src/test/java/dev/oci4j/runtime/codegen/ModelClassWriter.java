package dev.oci4j.runtime.codegen;

import static dev.oci4j.runtime.codegen.Member.capitalized;

import dev.oci4j.runtime.codegen.Member.Shape;
import dev.oci4j.runtime.codegen.ModelTable.ModelClass;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Writes one model class of the table: the immutable class with its accessors, the JSON mapping
 * through {@code internal.json} (keys in table order, omitempty as the Go tags), equals, hashCode,
 * toString, and the nested Builder with the vocabulary of docs/architecture.md.
 */
final class ModelClassWriter {

    private static final String SPEC_URL = "https://github.com/opencontainers/runtime-spec/blob/v1.2.0/";

    private final ModelTable table;
    private final Set<String> zeroNeeded;

    ModelClassWriter(ModelTable table) {
        this.table = table;
        // Classes held by value (Go struct, not pointer) need a zero value when a document leaves them out.
        this.zeroNeeded = table.classes().stream().flatMap(c -> c.members().stream())
                .filter(m -> m.shape() == Shape.VALUE && kind(m) == Kind.CLASS)
                .map(Member::elementType).collect(Collectors.toSet());
    }

    /** What one value of a member is. */
    enum Kind { STRING, BOOL, INT, RAW, VALUE_SET, CLASS }

    Kind kind(Member m) {
        if (m.isString()) {
            return Kind.STRING;
        }
        if (m.isBool()) {
            return Kind.BOOL;
        }
        if (m.isInteger()) {
            return Kind.INT;
        }
        if (m.isRawJson()) {
            return Kind.RAW;
        }
        return table.isValueSet(m.elementType()) ? Kind.VALUE_SET : Kind.CLASS;
    }

    String write(ModelClass c) {
        SourceText s = new SourceText();
        classDoc(c, s);
        s.line("public final class " + c.name() + " {");
        s.line("");
        s.line("    private static final Set<String> MEMBERS = Set.of(" + c.jsonKeys().stream()
                .map(k -> "\"" + k + "\"").collect(Collectors.joining(", ")) + ");");
        s.line("");
        for (Member m : c.members()) {
            s.line("    private final " + fieldType(m) + " " + m.java() + ";");
        }
        s.line("    private final Map<String, String> extensions;");
        s.line("");
        constructor(c, s);
        s.line("    /**");
        s.line("     * A builder with no member set.");
        s.line("     *");
        s.line("     * @return a new builder");
        s.line("     */");
        s.line("    public static Builder builder() {");
        s.line("        return new Builder();");
        s.line("    }");
        s.line("");
        if (zeroNeeded.contains(c.name())) {
            s.line("    /** Go's zero value of this struct, for a document that leaves a non-pointer member out. */");
            s.line("    static " + c.name() + " zero() {");
            s.line("        return new " + c.name() + "(new Builder());");
            s.line("    }");
            s.line("");
        }
        s.line("    /**");
        s.line("     * A builder holding this object's values, to derive a changed copy.");
        s.line("     *");
        s.line("     * @return a new builder with every member of this object set");
        s.line("     */");
        s.line("    public Builder toBuilder() {");
        s.line("        Builder b = new Builder();");
        for (Member m : c.members()) {
            String copy = switch (m.shape()) {
                case LIST -> "new ArrayList<>(" + m.java() + ")";
                case MAP -> "new TreeMap<>(" + m.java() + ")";
                default -> m.java();
            };
            s.line("        b." + m.java() + " = " + copy + ";");
        }
        s.line("        b.extensions = new LinkedHashMap<>(extensions);");
        s.line("        return b;");
        s.line("    }");
        s.line("");
        for (Member m : c.members()) {
            accessor(m, s);
        }
        s.line("    /** {@return the members this model does not know, as compact JSON text by key, in document order} */");
        s.line("    public Map<String, String> extensions() {");
        s.line("        return extensions;");
        s.line("    }");
        s.line("");
        fromJson(c, s);
        toJson(c, s);
        equalsAndHashCode(c, s);
        s.line("    /** Compact JSON, as written to disk. */");
        s.line("    @Override");
        s.line("    public String toString() {");
        s.line("        return \"" + c.name() + "\" + Json.text(toJson());");
        s.line("    }");
        s.line("");
        new BuilderWriter(this, c, s).write();
        s.line("}");
        return s.file(RuntimeModelGenerator.class.getName());
    }

    private void classDoc(ModelClass c, SourceText s) {
        s.line("/**");
        s.line(" * " + c.doc());
        s.line(" *");
        s.line(" * <p>Spec: <a href=\"" + SPEC_URL + c.section() + "\">" + c.section() + "</a> (runtime-spec v1.2), Go struct {@code "
                + c.goStruct() + "}. Members this model does not know");
        s.line(" * are kept in {@link #extensions()} and written back after the known ones.");
        if (!c.example().isEmpty()) {
            s.line(" *");
            s.line(" * <pre>{@code");
            c.example().forEach(l -> s.line(" * " + l));
            s.line(" * }</pre>");
        }
        s.line(" */");
    }

    private void constructor(ModelClass c, SourceText s) {
        s.line("    private " + c.name() + "(Builder b) {");
        for (Member m : c.members()) {
            String value = switch (m.shape()) {
                case LIST -> "List.copyOf(b." + m.java() + ")";
                case MAP -> "Collections.unmodifiableMap(new TreeMap<>(b." + m.java() + "))";
                default -> m.enforced() && !isOptional(m)
                        // Only a document read leniently gets here without the member: it holds Go's zero value.
                        ? "b." + m.java() + " != null ? b." + m.java() + " : " + zero(m)
                        : "b." + m.java();
            };
            s.line("        this." + m.java() + " = " + value + ";");
        }
        s.line("        this.extensions = b.extensions.isEmpty() ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(b.extensions));");
        s.line("    }");
        s.line("");
    }

    /** Whether the Java member is optional: absent is a value of its own (Go pointers, omitempty strings, raw JSON). */
    boolean isOptional(Member m) {
        return m.shape() == Shape.POINTER || kind(m) == Kind.RAW || (m.shape() == Shape.VALUE && kind(m) == Kind.STRING && m.omitempty());
    }

    /** Go's zero value of a non-optional single member. */
    String zero(Member m) {
        return switch (kind(m)) {
            case STRING -> "\"\"";
            case BOOL -> "false";
            case INT -> "0L";
            case VALUE_SET -> m.elementType() + ".of(\"\")";
            case CLASS -> m.elementType() + ".zero()";
            case RAW -> throw new IllegalStateException("raw JSON has no zero value");
        };
    }

    /** The Java type of one value. */
    String valueType(Member m, boolean boxed) {
        return switch (kind(m)) {
            case STRING, RAW -> "String";
            case BOOL -> boxed ? "Boolean" : "boolean";
            case INT -> boxed ? "Long" : "long";
            case VALUE_SET, CLASS -> m.elementType();
        };
    }

    /** The type of the immutable object's field: nullable boxes for Go pointers. */
    String fieldType(Member m) {
        return switch (m.shape()) {
            case LIST -> "List<" + valueType(m, true) + ">";
            case MAP -> "Map<String, " + valueType(m, true) + ">";
            case POINTER -> valueType(m, true);
            case VALUE -> valueType(m, false);
        };
    }

    private void accessor(Member m, SourceText s) {
        String unsigned = m.isUnsigned64() && m.shape() != Shape.LIST ? " Unsigned: read with {@link Long#toUnsignedString(long)}." : "";
        String text = m.doc() + unsigned;
        // {@return} ends the sentence itself.
        text = text.endsWith(".") ? text.substring(0, text.length() - 1) : text;
        s.line("    /** {@return {@code " + m.json() + "}: " + m.level() + ": " + text + "} */");
        String type;
        String value;
        if (m.shape() == Shape.LIST || m.shape() == Shape.MAP) {
            type = fieldType(m);
            value = m.java();
        } else if (isOptional(m) && kind(m) == Kind.INT) {
            type = "OptionalLong";
            value = m.java() + " == null ? OptionalLong.empty() : OptionalLong.of(" + m.java() + ")";
        } else if (isOptional(m)) {
            type = "Optional<" + valueType(m, true) + ">";
            value = "Optional.ofNullable(" + m.java() + ")";
        } else {
            type = fieldType(m);
            value = m.java();
        }
        s.line("    public " + type + " " + m.java() + "() {");
        s.line("        return " + value + ";");
        s.line("    }");
        s.line("");
    }

    private void fromJson(ModelClass c, SourceText s) {
        s.line("    static " + c.name() + " fromJson(JsonFields f) {");
        s.line("        Builder b = new Builder();");
        for (Member m : c.members()) {
            String k = "\"" + m.json() + "\"";
            String x = m.java();
            String t = m.elementType();
            String read = switch (m.shape()) {
                case LIST -> switch (kind(m)) {
                    case STRING -> "b." + x + ".addAll(f.stringList(" + k + "));";
                    case INT -> "b." + x + ".addAll(f.integerList(" + k + ", IntType." + m.intType() + "));";
                    case VALUE_SET -> "f.stringList(" + k + ").forEach(v -> b." + x + ".add(" + t + ".of(v)));";
                    case CLASS -> "b." + x + ".addAll(f.objectList(" + k + ", " + t + "::fromJson));";
                    default -> throw unsupported(m);
                };
                case MAP -> switch (kind(m)) {
                    case STRING -> "b." + x + ".putAll(f.stringMap(" + k + "));";
                    case CLASS -> "b." + x + ".putAll(f.objectMap(" + k + ", " + t + "::fromJson));";
                    default -> throw unsupported(m);
                };
                default -> switch (kind(m)) {
                    // An empty omitempty string reads as absent: Go would not have written it.
                    case STRING -> isOptional(m)
                            ? "f.string(" + k + ").filter(v -> !v.isEmpty()).ifPresent(v -> b." + x + " = v);"
                            : "f.string(" + k + ").ifPresent(v -> b." + x + " = v);";
                    case BOOL -> "f.bool(" + k + ").ifPresent(v -> b." + x + " = v);";
                    case INT -> "f.integer(" + k + ", IntType." + m.intType() + ").ifPresent(v -> b." + x + " = v);";
                    case RAW -> "f.raw(" + k + ").ifPresent(v -> b." + x + " = v);";
                    case VALUE_SET -> "f.string(" + k + ").ifPresent(v -> b." + x + " = " + t + ".of(v));";
                    case CLASS -> "f.object(" + k + ", " + t + "::fromJson).ifPresent(v -> b." + x + " = v);";
                };
            };
            s.line("        " + read);
        }
        s.line("        b.extensions.putAll(f.unknown());");
        s.line("        // Not build(): reading is lenient, a missing REQUIRED member holds Go's zero value for the validator to report.");
        s.line("        return new " + c.name() + "(b);");
        s.line("    }");
        s.line("");
    }

    private void toJson(ModelClass c, SourceText s) {
        s.line("    ObjectNode toJson() {");
        s.line("        return new JsonObjectWriter()");
        for (Member m : c.members()) {
            String k = "\"" + m.json() + "\"";
            String x = m.java();
            String t = m.elementType();
            String it = "IntType." + m.intType();
            boolean omit = m.omitempty();
            String write = switch (m.shape()) {
                case LIST -> switch (kind(m)) {
                    case STRING -> (omit ? "putStringsIfNotEmpty(" : "putStrings(") + k + ", " + x + ")";
                    case VALUE_SET -> (omit ? "putStringsIfNotEmpty(" : "putStrings(") + k + ", " + x + ".stream().map(" + t + "::value).toList())";
                    case CLASS -> (omit ? "putObjectsIfNotEmpty(" : "putObjects(") + k + ", " + x + ", " + t + "::toJson)";
                    case INT -> omitOnly(m, "putIntegersIfNotEmpty(" + k + ", " + x + ", " + it + ")");
                    default -> throw unsupported(m);
                };
                case MAP -> switch (kind(m)) {
                    case STRING -> omit ? "putIfNotEmpty(" + k + ", " + x + ")" : "putMap(" + k + ", " + x + ")";
                    case CLASS -> omitOnly(m, "putObjectMapIfNotEmpty(" + k + ", " + x + ", " + t + "::toJson)");
                    default -> throw unsupported(m);
                };
                case POINTER -> switch (kind(m)) {
                    case BOOL -> "putBooleanIfPresent(" + k + ", " + x + "())";
                    case INT -> "putIfPresent(" + k + ", " + x + "(), " + it + ")";
                    case CLASS -> "putObjectIfPresent(" + k + ", " + x + "(), " + t + "::toJson)";
                    default -> throw unsupported(m);
                };
                case VALUE -> switch (kind(m)) {
                    case STRING -> (omit ? "putIfNotEmpty(" : "put(") + k + ", " + x + ")";
                    case BOOL -> (omit ? "putIfTrue(" : "put(") + k + ", " + x + ")";
                    case INT -> (omit ? "putIfNotZero(" : "put(") + k + ", " + x + ", " + it + ")";
                    case RAW -> "putRawIfPresent(" + k + ", " + x + "())";
                    case VALUE_SET -> notOmit(m, "put(" + k + ", " + x + ".value())");
                    case CLASS -> notOmit(m, "put(" + k + ", " + x + ".toJson())");
                };
            };
            s.line("                ." + write);
        }
        s.line("                .extensions(extensions)");
        s.line("                .node();");
        s.line("    }");
        s.line("");
    }

    private void equalsAndHashCode(ModelClass c, SourceText s) {
        s.line("    /** Equal when every member, known and unknown, is equal. */");
        s.line("    @Override");
        s.line("    public boolean equals(Object o) {");
        s.line("        if (this == o) {");
        s.line("            return true;");
        s.line("        }");
        s.line("        if (!(o instanceof " + c.name() + " other)) {");
        s.line("            return false;");
        s.line("        }");
        List<Member> ms = c.members();
        for (int i = 0; i < ms.size(); i++) {
            Member m = ms.get(i);
            boolean primitive = m.shape() == Shape.VALUE && (kind(m) == Kind.BOOL || kind(m) == Kind.INT);
            String test = primitive ? m.java() + " == other." + m.java() : "Objects.equals(" + m.java() + ", other." + m.java() + ")";
            s.line((i == 0 ? "        return " : "                && ") + test);
        }
        s.line((ms.isEmpty() ? "        return " : "                && ") + "extensions.equals(other.extensions);");
        s.line("    }");
        s.line("");
        s.line("    /** A hash of every member, known and unknown. */");
        s.line("    @Override");
        s.line("    public int hashCode() {");
        String all = ms.stream().map(Member::java).collect(Collectors.joining(", "));
        s.line("        return Objects.hash(" + (all.isEmpty() ? "" : all + ", ") + "extensions);");
        s.line("    }");
        s.line("");
    }

    private static String omitOnly(Member m, String call) {
        if (!m.omitempty()) {
            throw unsupported(m);
        }
        return call;
    }

    private static String notOmit(Member m, String call) {
        if (m.omitempty()) {
            throw unsupported(m);
        }
        return call;
    }

    static IllegalArgumentException unsupported(Member m) {
        return new IllegalArgumentException(ModelTable.PATH + ":" + m.line() + ": the generator has no mapping for "
                + m.goType() + (m.omitempty() ? " with" : " without") + " omitempty; add one to ModelClassWriter");
    }

    static String setterName(Member m) {
        return m.java();
    }

    static String clearName(Member m) {
        return "clear" + capitalized(m.java());
    }
}
