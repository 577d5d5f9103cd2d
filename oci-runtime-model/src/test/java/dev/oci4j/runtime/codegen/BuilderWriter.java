package dev.oci4j.runtime.codegen;

import static dev.oci4j.runtime.codegen.Member.capitalized;

import dev.oci4j.runtime.codegen.Member.Shape;
import dev.oci4j.runtime.codegen.ModelClassWriter.Kind;
import dev.oci4j.runtime.codegen.ModelTable.ModelClass;

/**
 * Writes the nested Builder of a model class, in the vocabulary docs/architecture.md records:
 * scalars {@code x(value)} and, when optional, {@code clearX()}; lists {@code x(Collection)},
 * {@code addItem(item)}, {@code clearX()}; maps {@code x(Map)}, {@code putItem(k, v)},
 * {@code removeItem(k)}, {@code clearX()}; unknown members {@code extensions(Map)},
 * {@code putExtension(k, json)}, {@code removeExtension(k)}, {@code clearExtensions()}.
 */
final class BuilderWriter {

    private final ModelClassWriter w;
    private final ModelClass c;
    private final SourceText s;

    BuilderWriter(ModelClassWriter w, ModelClass c, SourceText s) {
        this.w = w;
        this.c = c;
        this.s = s;
    }

    void write() {
        boolean anyRequired = c.members().stream().anyMatch(Member::enforced);
        s.line("    /**");
        s.line("     * Builds a {@link " + c.name() + "}; unset members take the value Go's encoding/json would give them"
                + (anyRequired ? "," : "."));
        if (anyRequired) {
            s.line("     * except the REQUIRED ones, which {@link #build()} insists on.");
        }
        s.line("     */");
        s.line("    public static final class Builder {");
        s.line("");
        for (Member m : c.members()) {
            s.line("        private " + builderField(m) + ";");
        }
        s.line("        private Map<String, String> extensions = new LinkedHashMap<>();");
        s.line("");
        s.line("        private Builder() {");
        s.line("        }");
        s.line("");
        for (Member m : c.members()) {
            switch (m.shape()) {
                case LIST -> list(m);
                case MAP -> map(m);
                default -> scalar(m);
            }
        }
        extensions();
        build();
        s.line("    }");
    }

    private String builderField(Member m) {
        String x = m.java();
        return switch (m.shape()) {
            case LIST -> w.fieldType(m) + " " + x + " = new ArrayList<>()";
            case MAP -> w.fieldType(m) + " " + x + " = new TreeMap<>()";
            default -> {
                if (w.isOptional(m) || m.enforced()) {
                    yield w.valueType(m, true) + " " + x; // null: not set
                }
                Kind k = w.kind(m);
                yield k == Kind.BOOL || k == Kind.INT
                        ? w.valueType(m, false) + " " + x
                        : w.valueType(m, false) + " " + x + " = " + w.zero(m);
            }
        };
    }

    private void doc(String first, String param, String paramDoc, String... more) {
        s.line("        /**");
        s.line("         * " + first);
        s.line("         *");
        if (param != null) {
            s.line("         * @param " + param + " " + paramDoc);
        }
        for (String line : more) {
            if (line.startsWith("@param")) {
                s.line("         * " + line);
            }
        }
        s.line("         * @return this builder");
        for (String line : more) {
            if (!line.startsWith("@param")) {
                s.line("         * " + line);
            }
        }
        s.line("         */");
    }

    private String memberDoc(Member m) {
        return "{@code " + m.json() + "}, " + m.level() + ": " + m.doc();
    }

    private void scalar(Member m) {
        String x = m.java();
        Kind k = w.kind(m);
        String clear = ModelClassWriter.clearName(m);
        switch (k) {
            case STRING -> {
                if (w.isOptional(m)) {
                    doc("Sets " + memberDoc(m), x, "the value, not empty: Go's omitempty leaves the empty string out, so call {@link #"
                            + clear + "()} for that", "@throws IllegalArgumentException if {@code " + x + "} is empty");
                    s.line("        public Builder " + x + "(String " + x + ") {");
                    s.line("            if (Objects.requireNonNull(" + x + ", \"" + x + "\").isEmpty()) {");
                    s.line("                throw new IllegalArgumentException(\"" + c.name() + "." + x
                            + " must not be empty: an empty " + m.json() + " is left out of the JSON; call " + clear + "() to leave it out\");");
                    s.line("            }");
                    s.line("            this." + x + " = " + x + ";");
                } else {
                    doc("Sets " + memberDoc(m), x, "the value");
                    s.line("        public Builder " + x + "(String " + x + ") {");
                    s.line("            this." + x + " = Objects.requireNonNull(" + x + ", \"" + x + "\");");
                }
            }
            case BOOL -> {
                doc("Sets " + memberDoc(m), x, "the value");
                s.line("        public Builder " + x + "(boolean " + x + ") {");
                s.line("            this." + x + " = " + x + ";");
            }
            case INT -> {
                doc("Sets " + memberDoc(m), x, "the value", "@throws IllegalArgumentException if the value does not fit a Go "
                        + m.elementType());
                s.line("        public Builder " + x + "(long " + x + ") {");
                s.line("            this." + x + " = IntType." + m.intType() + ".check(\"" + x + "\", " + x + ");");
            }
            case RAW -> {
                doc("Sets " + memberDoc(m), "rawJson", "one JSON value as text; it is kept in compact form",
                        "@throws IllegalArgumentException if {@code rawJson} is not one JSON value");
                s.line("        public Builder " + x + "(String rawJson) {");
                s.line("            this." + x + " = Json.text(Json.parseValue(Objects.requireNonNull(rawJson, \"rawJson\")));");
            }
            case VALUE_SET, CLASS -> {
                doc("Sets " + memberDoc(m), x, "the value");
                s.line("        public Builder " + x + "(" + m.elementType() + " " + x + ") {");
                s.line("            this." + x + " = Objects.requireNonNull(" + x + ", \"" + x + "\");");
            }
        }
        s.line("            return this;");
        s.line("        }");
        s.line("");
        if (k == Kind.VALUE_SET) {
            doc("Sets {@code " + m.json() + "} from its JSON string, listed or not.", x, "the JSON string");
            s.line("        public Builder " + x + "(String " + x + ") {");
            s.line("            return " + x + "(" + m.elementType() + ".of(" + x + "));");
            s.line("        }");
            s.line("");
        }
        if (w.isOptional(m)) {
            doc("Leaves {@code " + m.json() + "} out" + (m.enforced() ? " (it is REQUIRED: build() fails until it is set again)." : "."), null, null);
            s.line("        public Builder " + clear + "() {");
            s.line("            this." + x + " = null;");
            s.line("            return this;");
            s.line("        }");
            s.line("");
        }
    }

    private void list(Member m) {
        String x = m.java();
        String item = m.item();
        String type = w.valueType(m, true);
        Kind k = w.kind(m);
        doc("Replaces " + memberDoc(m), x, "the entries, in order");
        s.line("        public Builder " + x + "(Collection<? extends " + type + "> " + x + ") {");
        if (k == Kind.INT) {
            s.line("            this." + x + " = new ArrayList<>();");
            s.line("            " + x + ".forEach(this::add" + capitalized(item) + ");");
        } else {
            s.line("            this." + x + " = new ArrayList<>(List.copyOf(" + x + "));");
        }
        s.line("            return this;");
        s.line("        }");
        s.line("");
        if (k == Kind.INT) {
            doc("Appends one entry to {@code " + m.json() + "}.", item, "the entry",
                    "@throws IllegalArgumentException if the value does not fit a Go " + m.elementType());
            s.line("        public Builder add" + capitalized(item) + "(long " + item + ") {");
            s.line("            this." + x + ".add(IntType." + m.intType() + ".check(\"" + x + "\", " + item + "));");
        } else {
            doc("Appends one entry to {@code " + m.json() + "}.", item, "the entry");
            s.line("        public Builder add" + capitalized(item) + "(" + type + " " + item + ") {");
            s.line("            this." + x + ".add(Objects.requireNonNull(" + item + ", \"" + item + "\"));");
        }
        s.line("            return this;");
        s.line("        }");
        s.line("");
        clearCollection(m);
    }

    private void map(Member m) {
        String x = m.java();
        String item = capitalized(m.item());
        String type = w.valueType(m, true);
        doc("Replaces " + memberDoc(m), x, "the entries; they are kept sorted by key");
        s.line("        public Builder " + x + "(Map<String, ? extends " + type + "> " + x + ") {");
        s.line("            this." + x + " = new TreeMap<>();");
        s.line("            " + x + ".forEach(this::put" + item + ");");
        s.line("            return this;");
        s.line("        }");
        s.line("");
        doc("Adds or replaces one entry of {@code " + m.json() + "}.", "key", "the key", "@param value the value");
        s.line("        public Builder put" + item + "(String key, " + type + " value) {");
        s.line("            this." + x + ".put(Objects.requireNonNull(key, \"key\"), Objects.requireNonNull(value, \"value\"));");
        s.line("            return this;");
        s.line("        }");
        s.line("");
        doc("Removes one entry of {@code " + m.json() + "}, if present.", "key", "the key");
        s.line("        public Builder remove" + item + "(String key) {");
        s.line("            this." + x + ".remove(key);");
        s.line("            return this;");
        s.line("        }");
        s.line("");
        clearCollection(m);
    }

    private void clearCollection(Member m) {
        doc("Removes every entry of {@code " + m.json() + "}" + (m.omitempty() ? ", which leaves it out." : "."), null, null);
        s.line("        public Builder " + ModelClassWriter.clearName(m) + "() {");
        s.line("            this." + m.java() + " = " + (m.shape() == Shape.MAP ? "new TreeMap<>()" : "new ArrayList<>()") + ";");
        s.line("            return this;");
        s.line("        }");
        s.line("");
    }

    private void extensions() {
        doc("Replaces the unknown members: key to JSON value as text.", "extensions", "the members, each checked as {@link #putExtension}",
                "@throws IllegalArgumentException if a key is a member this class knows, or a value is not one JSON value");
        s.line("        public Builder extensions(Map<String, String> extensions) {");
        s.line("            Map<String, String> previous = this.extensions;");
        s.line("            this.extensions = new LinkedHashMap<>();");
        s.line("            try {");
        s.line("                extensions.forEach(this::putExtension);");
        s.line("            } catch (RuntimeException e) {");
        s.line("                this.extensions = previous;");
        s.line("                throw e;");
        s.line("            }");
        s.line("            return this;");
        s.line("        }");
        s.line("");
        doc("Adds or replaces an unknown member, written after the known ones.", "key",
                "the member's key, not one this class knows (set those with their own methods)",
                "@param rawJson one JSON value as text; it is kept in compact form",
                "@throws IllegalArgumentException if {@code key} is a member this class knows, or {@code rawJson} is not one JSON value");
        s.line("        public Builder putExtension(String key, String rawJson) {");
        s.line("            if (MEMBERS.contains(Objects.requireNonNull(key, \"key\"))) {");
        s.line("                throw new IllegalArgumentException(\"\\\"\" + key + \"\\\" is a member " + c.name()
                + " knows, not an extension: set it with its builder method\");");
        s.line("            }");
        s.line("            this.extensions.put(key, Json.text(Json.parseValue(Objects.requireNonNull(rawJson, \"rawJson\"))));");
        s.line("            return this;");
        s.line("        }");
        s.line("");
        doc("Removes an unknown member, if present.", "key", "the member's key");
        s.line("        public Builder removeExtension(String key) {");
        s.line("            this.extensions.remove(key);");
        s.line("            return this;");
        s.line("        }");
        s.line("");
        doc("Removes every unknown member.", null, null);
        s.line("        public Builder clearExtensions() {");
        s.line("            this.extensions = new LinkedHashMap<>();");
        s.line("            return this;");
        s.line("        }");
        s.line("");
    }

    private void build() {
        boolean anyRequired = c.members().stream().anyMatch(Member::enforced);
        s.line("        /**");
        s.line("         * The immutable {@link " + c.name() + "}.");
        s.line("         *");
        s.line("         * @return a new object with this builder's values");
        if (anyRequired) {
            s.line("         * @throws IllegalStateException if a REQUIRED member was never set");
        }
        s.line("         */");
        s.line("        public " + c.name() + " build() {");
        for (Member m : c.members()) {
            if (m.enforced()) {
                s.line("            if (" + m.java() + " == null) {");
                s.line("                throw new IllegalStateException(\"" + c.name() + ": " + m.json()
                        + " is REQUIRED and was not set; call " + m.java() + "(...)\");");
                s.line("            }");
            }
        }
        s.line("            return new " + c.name() + "(this);");
        s.line("        }");
    }
}
