package dev.oci4j.runtime.codegen;

import dev.oci4j.runtime.codegen.ModelTable.ValueSet;
import java.util.Map;

/**
 * Writes one open value set: a final class with a constant per listed value, {@code of(String)}
 * that returns the constant or a new instance for any other string, and {@code isKnown()}. Not an
 * enum: real documents carry values the spec does not list, and the validator reports them.
 */
final class ValueSetWriter {

    private static final String SPEC_URL = "https://github.com/opencontainers/runtime-spec/blob/v1.2.0/";

    String write(ValueSet v) {
        String n = v.name();
        Map.Entry<String, String> first = v.constants().entrySet().iterator().next();
        SourceText s = new SourceText();
        s.line("/**");
        s.line(" * " + v.doc() + ", an open set. Values the spec does not list are kept as they are, so a validator can report them.");
        s.line(" *");
        s.line(" * <p>Spec: <a href=\"" + SPEC_URL + v.section() + "\">" + v.section() + "</a>, Go type {@code " + v.goType() + "}.");
        s.line(" *");
        s.line(" * <pre>{@code");
        s.line(" * " + n + " v = " + n + ".of(\"" + first.getValue() + "\");   // == " + n + "." + first.getKey());
        s.line(" * boolean listed = v.isKnown();");
        s.line(" * }</pre>");
        s.line(" */");
        s.line("public final class " + n + " {");
        s.line("");
        s.line("    private static final Map<String, " + n + "> KNOWN = new LinkedHashMap<>();");
        s.line("");
        v.constants().forEach((constant, value) -> {
            s.line("    /** {@code \"" + value + "\"}. */");
            s.line("    public static final " + n + " " + constant + " = known(\"" + value + "\");");
        });
        s.line("");
        s.line("    private final String value;");
        s.line("");
        s.line("    private " + n + "(String value) {");
        s.line("        this.value = value;");
        s.line("    }");
        s.line("");
        s.line("    private static " + n + " known(String value) {");
        s.line("        " + n + " v = new " + n + "(value);");
        s.line("        KNOWN.put(value, v);");
        s.line("        return v;");
        s.line("    }");
        s.line("");
        s.line("    /**");
        s.line("     * The constant for a listed value, or a new instance holding any other string (even an invalid one).");
        s.line("     *");
        s.line("     * @param value the JSON string");
        s.line("     * @return the value");
        s.line("     */");
        s.line("    public static " + n + " of(String value) {");
        s.line("        Objects.requireNonNull(value, \"value\");");
        s.line("        " + n + " v = KNOWN.get(value);");
        s.line("        return v != null ? v : new " + n + "(value);");
        s.line("    }");
        s.line("");
        s.line("    /** {@return the values runtime-spec v1.2 lists, in its order} */");
        s.line("    public static Set<String> knownValues() {");
        s.line("        return Collections.unmodifiableSet(new LinkedHashSet<>(KNOWN.keySet()));");
        s.line("    }");
        s.line("");
        s.line("    /** {@return the JSON string} */");
        s.line("    public String value() {");
        s.line("        return value;");
        s.line("    }");
        s.line("");
        s.line("    /** {@return whether runtime-spec v1.2 lists this value} */");
        s.line("    public boolean isKnown() {");
        s.line("        return KNOWN.containsKey(value);");
        s.line("    }");
        s.line("");
        s.line("    /** Equal when the JSON strings are equal. */");
        s.line("    @Override");
        s.line("    public boolean equals(Object o) {");
        s.line("        return o instanceof " + n + " other && value.equals(other.value);");
        s.line("    }");
        s.line("");
        s.line("    /** The JSON string's hash. */");
        s.line("    @Override");
        s.line("    public int hashCode() {");
        s.line("        return value.hashCode();");
        s.line("    }");
        s.line("");
        s.line("    /** The JSON string. */");
        s.line("    @Override");
        s.line("    public String toString() {");
        s.line("        return value;");
        s.line("    }");
        s.line("}");
        return s.file(RuntimeModelGenerator.class.getName());
    }
}
