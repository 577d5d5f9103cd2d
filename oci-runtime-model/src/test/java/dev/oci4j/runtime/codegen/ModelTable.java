package dev.oci4j.runtime.codegen;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The parsed field table {@code src/codegen/runtime-spec.table}: the model classes of the runtime
 * spec, their members in Go struct order, and the open value sets. The file's header explains the
 * format; a line that does not fit it fails with its line number.
 */
record ModelTable(List<ModelClass> classes, List<ValueSet> valueSets) {

    /** Where the table lives, relative to the module directory. */
    static final String PATH = "src/codegen/runtime-spec.table";

    private static final Pattern HEADER = Pattern.compile("(class|values) (\\w+) = ([\\w.]+) @ (\\S+)");
    private static final Pattern CONSTANT = Pattern.compile("([A-Z][A-Z0-9_]*) *= *(\\S*)");

    /** One Go struct. */
    record ModelClass(String name, String goStruct, String section, String doc, List<String> example, List<Member> members) {

        /** The members whose JSON key this class knows, in order. */
        List<String> jsonKeys() {
            return members.stream().map(Member::json).toList();
        }
    }

    /** One open value set: a Go string type with listed values. */
    record ValueSet(String name, String goType, String section, String doc, Map<String, String> constants) {
    }

    static ModelTable read(Path file) throws IOException {
        return parse(Files.readAllLines(file));
    }

    static ModelTable parse(List<String> lines) {
        List<ModelClass> classes = new ArrayList<>();
        List<ValueSet> sets = new ArrayList<>();
        Block block = null;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            int no = i + 1;
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            Matcher header = HEADER.matcher(line);
            if (header.matches()) {
                finish(block, classes, sets);
                block = new Block(header.group(1).equals("values"), header.group(2), header.group(3), header.group(4), no);
            } else if (block == null) {
                throw error(no, "expected \"class Name = go.Struct @ file.md#section\", found: " + line);
            } else if (line.startsWith("doc:")) {
                block.doc = line.substring(4).strip();
            } else if (line.startsWith("example:")) {
                block.example.add(line.substring(8).strip());
            } else if (!block.valueSet && line.contains("|")) {
                block.rows.add(new String[] {line, String.valueOf(no)});
            } else if (block.valueSet && CONSTANT.matcher(line).matches()) {
                Matcher c = CONSTANT.matcher(line);
                c.matches();
                block.constants.add(new String[] {c.group(1), c.group(2)});
            } else {
                throw error(no, "cannot read: " + line);
            }
        }
        finish(block, classes, sets);
        ModelTable table = new ModelTable(List.copyOf(classes), List.copyOf(sets));
        table.resolveTypes();
        return table;
    }

    Optional<ModelClass> modelClass(String name) {
        return classes.stream().filter(c -> c.name().equals(name)).findFirst();
    }

    boolean isValueSet(String name) {
        return valueSets.stream().anyMatch(v -> v.name().equals(name));
    }

    private void resolveTypes() {
        Map<String, ModelClass> byName = classes.stream().collect(Collectors.toMap(ModelClass::name, Function.identity()));
        for (ModelClass c : classes) {
            for (Member m : c.members()) {
                String t = m.elementType();
                if (!Member.SCALARS.contains(t) && !byName.containsKey(t) && !isValueSet(t)) {
                    throw new IllegalArgumentException(c.name() + "." + m.java() + ": unknown type " + m.goType());
                }
            }
        }
    }

    private static void finish(Block b, List<ModelClass> classes, List<ValueSet> sets) {
        if (b == null) {
            return;
        }
        if (b.doc == null) {
            throw error(b.line, b.name + " has no doc: line");
        }
        if (b.valueSet) {
            Map<String, String> constants = new java.util.LinkedHashMap<>();
            b.constants.forEach(c -> constants.put(c[0], c[1]));
            sets.add(new ValueSet(b.name, b.go, b.section, b.doc, constants));
            return;
        }
        List<Member> members = new ArrayList<>();
        for (String[] row : b.rows) {
            String[] cols = row[0].split("\\|", 7);
            if (cols.length != 7) {
                throw error(Integer.parseInt(row[1]), "expected 7 columns separated by |, found " + cols.length);
            }
            members.add(Member.of(b.name, cols[0].strip(), cols[1].strip(), cols[2].strip(), cols[3].strip(),
                    cols[4].strip(), cols[5].strip(), cols[6].strip(), Integer.parseInt(row[1])));
        }
        classes.add(new ModelClass(b.name, b.go, b.section, b.doc, List.copyOf(b.example), List.copyOf(members)));
    }

    private static IllegalArgumentException error(int line, String message) {
        return new IllegalArgumentException(PATH + ":" + line + ": " + message);
    }

    private static final class Block {
        final boolean valueSet;
        final String name;
        final String go;
        final String section;
        final int line;
        String doc;
        final List<String> example = new ArrayList<>();
        final List<String[]> rows = new ArrayList<>();
        final List<String[]> constants = new ArrayList<>();

        Block(boolean valueSet, String name, String go, String section, int line) {
            this.valueSet = valueSet;
            this.name = name;
            this.go = go;
            this.section = section;
            this.line = line;
        }
    }
}
