package dev.oci4j.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Makes hostile variants of valid JSON documents for the fuzz tests, deterministically from a seed:
 * edits at random JSON paths (members deleted, duplicated, renamed to an escaped spelling of
 * themselves, values replaced by huge numbers, deep nesting, wrong types, lone surrogates, nulls),
 * edits of the bytes (flips, truncation, tokens and invalid UTF-8 inserted anywhere), and random
 * documents built from the members real documents use.
 *
 * <p>Documents are held in a tree of our own rather than Jackson's, because Jackson's tree cannot
 * hold what the mutations must produce: duplicate keys and number tokens it would not accept.
 * Shared by the image and runtime fuzz tests (test support: compiled into every module; it uses Jackson,
 * which every module has through the runtime model).
 */
public final class JsonMutator {

    /** Outputs are cut to this size: well under the codecs' 4 MiB limit, so each try stays fast. */
    public static final int MAX_OUTPUT = 256 * 1024;

    private static final ObjectMapper MAPPER = new ObjectMapper();

    /**
     * Number tokens that break naive parsers: exponents past an int, or big enough to cost minutes
     * when expanded (1e99999999 has 10^8 digits); values past int64 and uint64.
     */
    private static final List<String> NUMBERS = List.of(
            "1e9999999999", "-1e9999999999", "1e-9999999999", "1E+2147483648", "1e2147483647", "0e9999999999",
            "1e999999999", "1e99999999", "1e9999999", "1E400", "-1E400", "1e-400", "18446744073709551615",
            "18446744073709551616",
            "9223372036854775807", "9223372036854775808", "-9223372036854775808", "-9223372036854775809",
            "4294967295", "4294967296", "2147483648", "-2147483649", "-1", "0", "-0", "0.0", "-0.0e-0", "1.5",
            "2", "1e2", "123456789012345678901234567890", "1" + "0".repeat(1200), "0." + "1".repeat(1200));

    private static final String HEX64 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

    /** String tokens: escapes, surrogates, grammar edge cases of digests, media types, times, base64. */
    private static final List<String> STRINGS = List.of(
            "\"\"", "\"\\u0000\"", "\"\\ud800\"", "\"\\udc00x\"", "\"\\uD83D\\uDC33\"", "\"\u00e9\u2603\"",
            "\"a\\\"b\\\\c\\/d\"", "\"\\t\\n\\r\\b\\f\"", "\"sha256:" + HEX64 + "\"",
            "\"sha256:" + HEX64.toUpperCase() + "\"", "\"sha512:" + HEX64 + "\"", "\"sha256:\"", "\":\"",
            "\"x:y\"", "\"a+b.c_d-e:=_-\"", "\"sha256:" + HEX64 + "\\u0000\"",
            "\"application/vnd.oci.image.manifest.v1+json\"", "\"application/vnd.oci.image.index.v1+json\"",
            "\"application/vnd.oci.image.config.v1+json\"", "\"application/vnd.oci.empty.v1+json\"",
            "\"application/vnd.docker.distribution.manifest.v2+json\"", "\"text/plain; charset=utf-8\"",
            "\"e30=\"", "\"=\"", "\"====\"", "\"e30\"", "\"!!!!\"", "\"a\"", "\"2023-02-30T25:61:61Z\"",
            "\"1970-01-01T00:00:00Z\"", "\"9999-12-31T23:59:59.999999999+14:00\"", "\"-999999999-01-01T00:00:00Z\"",
            "\"/\"", "\"..\"", "\"../..\"", "\"linux\"", "\"windows\"", "\"amd64\"", "\"arm64\"", "\"v8\"",
            "\"layers\"", "\"1.0.0\"", "\"1.2.0\"", "\"http://[::1\"", "\"https://example.com/x\"",
            "\"RLIMIT_NOFILE\"", "\"CAP_SYS_ADMIN\"", "\"running\"", "\"created\"", "\"SCMP_ACT_ERRNO\"",
            "\"" + "a".repeat(20_000) + "\"");

    private static final List<String> OTHERS = List.of(
            "null", "true", "false", "{}", "[]", "[null]", "{\"\":null}", "[1e9999999999]",
            "{\"a\":1e9999999999}", nestedArrays(65), nestedArrays(1500), nestedObjects(65), nestedObjects(1200));

    private static final byte[][] RAW_BYTES = {
        {(byte) 0xC3, 0x28}, {(byte) 0xFF}, {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF},
        {0}, {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80}, {'"'}, {'\\'}, {','}, {':'}, {'{'}, {'}'}, {'['}, {']'},
        "/*x*/".getBytes(StandardCharsets.UTF_8), "\u00e9".getBytes(StandardCharsets.UTF_8), {'\t'}, {'\n'},
        "NaN".getBytes(StandardCharsets.UTF_8), "Infinity".getBytes(StandardCharsets.UTF_8),
        "'a'".getBytes(StandardCharsets.UTF_8), "0x10".getBytes(StandardCharsets.UTF_8),
    };

    private final List<Seed> seeds;
    private final List<String> keys;

    /** A named starting document; {@code tree} is null when it is not JSON (used for byte edits only). */
    public record Seed(String name, byte[] bytes, Node tree) {
    }

    /** A generated input: where it came from, for messages, and its bytes. */
    public record Input(String origin, byte[] bytes) {
        @Override
        public String toString() {
            return origin + ": " + FuzzRuns.quote(bytes, 3000);
        }
    }

    /** @param namedSeeds document name to bytes; every member name in them joins the key vocabulary */
    public JsonMutator(Map<String, byte[]> namedSeeds) {
        List<Seed> list = new ArrayList<>();
        Set<String> vocabulary = new LinkedHashSet<>();
        namedSeeds.forEach((name, bytes) -> {
            Node tree = null;
            try {
                JsonNode jackson = MAPPER.readTree(bytes);
                if (jackson != null) {
                    tree = Node.of(jackson);
                    collectKeys(jackson, vocabulary);
                }
            } catch (IOException notJson) {
                // mutated at the byte level only
            }
            list.add(new Seed(name, bytes, tree));
        });
        if (list.isEmpty()) {
            throw new IllegalArgumentException("no seeds");
        }
        this.seeds = List.copyOf(list);
        this.keys = List.copyOf(vocabulary);
    }

    public List<Seed> seeds() {
        return seeds;
    }

    /** One to four edits of one seed, the seed picked and the edits made from {@code seed}. */
    public Input mutate(long seed) {
        Random r = new Random(seed);
        Seed s = seeds.get(r.nextInt(seeds.size()));
        int edits = 1 + r.nextInt(4);
        StringBuilder origin = new StringBuilder(s.name()).append(" +");
        byte[] out;
        if (s.tree() != null && r.nextInt(5) != 0) {
            Node tree = s.tree().copy();
            int treeEdits = r.nextInt(5) == 0 ? edits - 1 : edits;
            for (int i = 0; i < treeEdits; i++) {
                tree = editTree(tree, r, origin);
            }
            out = tree.bytes(r.nextInt(4) == 0);
            for (int i = treeEdits; i < edits; i++) {
                out = editBytes(out, r, origin);
            }
        } else {
            out = s.bytes();
            for (int i = 0; i < edits; i++) {
                out = editBytes(out, r, origin);
            }
        }
        return new Input(origin.toString(), cap(out));
    }

    /**
     * A random document: an object whose members are named from the seeds' vocabulary (or not), with
     * random values nested a few levels; now and then a seed with a subtree swapped for such a value.
     */
    public Input structured(long seed) {
        Random r = new Random(seed);
        Node tree;
        String origin;
        Seed s = seeds.get(r.nextInt(seeds.size()));
        if (s.tree() != null && r.nextBoolean()) {
            tree = s.tree().copy();
            int n = 1 + r.nextInt(3);
            for (int i = 0; i < n; i++) {
                List<Slot> slots = slots(tree);
                if (!slots.isEmpty()) {
                    slots.get(r.nextInt(slots.size())).replace(randomValue(r, 3));
                }
            }
            origin = s.name() + " with random subtrees";
        } else {
            tree = randomObject(r, 4);
            origin = "random document";
        }
        return new Input(origin, cap(tree.bytes(r.nextBoolean())));
    }

    // ---- tree edits

    private Node editTree(Node tree, Random r, StringBuilder origin) {
        List<Slot> slots = slots(tree);
        if (slots.isEmpty()) {
            origin.append(" root replaced");
            return randomObject(r, 2);
        }
        Slot slot = slots.get(r.nextInt(slots.size()));
        switch (r.nextInt(9)) {
            case 0 -> {
                origin.append(" delete ").append(slot.path());
                slot.delete();
            }
            case 1 -> {
                origin.append(" duplicate ").append(slot.path());
                slot.duplicate();
            }
            case 2 -> {
                String k = keys.isEmpty() ? "k" : keys.get(r.nextInt(keys.size()));
                origin.append(" insert member \"").append(k).append("\" next to ").append(slot.path());
                slot.insertMember(quoteKey(k), token(r));
            }
            case 3 -> {
                origin.append(" escape key of ").append(slot.path());
                slot.escapeKey(r);
            }
            case 4 -> {
                // Another subtree of the same document: right shape, wrong place.
                Slot other = slots.get(r.nextInt(slots.size()));
                origin.append(" copy ").append(other.path()).append(" to ").append(slot.path());
                slot.replace(other.value().copy());
            }
            case 5 -> {
                Node v = slot.value();
                if (v instanceof Node.Raw raw && raw.text().startsWith("\"") && raw.text().length() > 2) {
                    origin.append(" edit string at ").append(slot.path());
                    slot.replace(new Node.Raw(editString(raw.text(), r)));
                } else {
                    origin.append(" wrap in array ").append(slot.path());
                    slot.replace(new Node.Arr(new ArrayList<>(List.of(v))));
                }
            }
            default -> {
                String t = token(r);
                origin.append(" set ").append(slot.path()).append(" = ").append(FuzzRuns.shorten(t, 40));
                slot.replace(new Node.Raw(t));
            }
        }
        return tree;
    }

    private static String editString(String quoted, Random r) {
        String body = quoted.substring(1, quoted.length() - 1);
        int at = r.nextInt(body.length() + 1);
        // Never cut an escape in two: the edit is about content, the byte edits do the breaking.
        while (at > 0 && at < body.length() && body.lastIndexOf('\\', at - 1) >= Math.max(0, at - 6)) {
            at--;
        }
        return switch (r.nextInt(5)) {
            case 0 -> "\"" + body.substring(0, at) + "\"";
            case 1 -> "\"" + body.toUpperCase() + "\"";
            case 2 -> "\"" + body.substring(0, at) + "\\u0000" + body.substring(at) + "\"";
            case 3 -> "\"" + body + body + "\"";
            default -> "\"" + escapeAll(body) + "\"";
        };
    }

    /** The same text with every plain ASCII letter spelled as a unicode escape: equal after decoding. */
    private static String escapeAll(String body) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (c == '\\') {
                sb.append(body, i, Math.min(body.length(), i + 2));
                i++;
            } else if (c < 0x80 && Character.isLetterOrDigit(c)) {
                sb.append(String.format("\\u%04x", (int) c));
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    private String token(Random r) {
        return switch (r.nextInt(4)) {
            case 0 -> NUMBERS.get(r.nextInt(NUMBERS.size()));
            case 1 -> STRINGS.get(r.nextInt(STRINGS.size()));
            case 2 -> OTHERS.get(r.nextInt(OTHERS.size()));
            default -> new String(randomValue(r, 2).bytes(false), StandardCharsets.UTF_8);
        };
    }

    // ---- byte edits

    private byte[] editBytes(byte[] in, Random r, StringBuilder origin) {
        if (in.length == 0) {
            origin.append(" insert token at 0");
            return token(r).getBytes(StandardCharsets.UTF_8);
        }
        int at = r.nextInt(in.length + 1);
        switch (r.nextInt(6)) {
            case 0 -> {
                origin.append(" truncate at ").append(at);
                return Arrays.copyOf(in, at);
            }
            case 1 -> {
                int i = Math.min(at, in.length - 1);
                byte[] out = in.clone();
                out[i] = r.nextBoolean() ? (byte) (out[i] ^ (1 << r.nextInt(8))) : (byte) r.nextInt(256);
                origin.append(" flip byte ").append(i);
                return out;
            }
            case 2 -> {
                byte[] ins = RAW_BYTES[r.nextInt(RAW_BYTES.length)];
                origin.append(" insert raw bytes at ").append(at);
                return splice(in, at, 0, ins);
            }
            case 3 -> {
                int len = Math.min(in.length - Math.min(at, in.length), 1 + r.nextInt(16));
                origin.append(" delete ").append(len).append(" bytes at ").append(at);
                return splice(in, at, len, new byte[0]);
            }
            case 4 -> {
                int len = Math.min(in.length - Math.min(at, in.length), 1 + r.nextInt(64));
                byte[] copy = Arrays.copyOfRange(in, at, at + len);
                origin.append(" repeat ").append(len).append(" bytes at ").append(at);
                return splice(in, at, 0, copy);
            }
            default -> {
                String t = token(r);
                origin.append(" insert token ").append(FuzzRuns.shorten(t, 40)).append(" at ").append(at);
                return splice(in, at, 0, t.getBytes(StandardCharsets.UTF_8));
            }
        }
    }

    private static byte[] splice(byte[] in, int at, int remove, byte[] insert) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(in.length + insert.length);
        out.write(in, 0, at);
        out.write(insert, 0, insert.length);
        out.write(in, at + remove, in.length - at - remove);
        return out.toByteArray();
    }

    private static byte[] cap(byte[] b) {
        return b.length <= MAX_OUTPUT ? b : Arrays.copyOf(b, MAX_OUTPUT);
    }

    // ---- random values

    private Node.Obj randomObject(Random r, int depth) {
        Node.Obj o = new Node.Obj(new ArrayList<>());
        int n = r.nextInt(7);
        for (int i = 0; i < n; i++) {
            String k = !keys.isEmpty() && r.nextInt(4) != 0 ? keys.get(r.nextInt(keys.size())) : randomWord(r);
            o.members().add(new Node.Member(quoteKey(k), randomValue(r, depth - 1)));
        }
        return o;
    }

    private Node randomValue(Random r, int depth) {
        int pick = r.nextInt(depth <= 0 ? 5 : 8);
        return switch (pick) {
            case 0 -> new Node.Raw(NUMBERS.get(r.nextInt(NUMBERS.size() - 2)));
            case 1 -> new Node.Raw(STRINGS.get(r.nextInt(STRINGS.size() - 1)));
            case 2 -> new Node.Raw(quoteKey(randomWord(r)));
            case 3 -> new Node.Raw(Long.toString(r.nextInt(3) == 0 ? r.nextLong() : r.nextInt(1000)));
            case 4 -> new Node.Raw(List.of("null", "true", "false").get(r.nextInt(3)));
            case 5, 6 -> randomObject(r, depth);
            default -> {
                List<Node> items = new ArrayList<>();
                int n = r.nextInt(4);
                for (int i = 0; i < n; i++) {
                    items.add(randomValue(r, depth - 1));
                }
                yield new Node.Arr(items);
            }
        };
    }

    private static String randomWord(Random r) {
        String alphabet = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._-/:+@=\u00e9";
        StringBuilder sb = new StringBuilder();
        int n = r.nextInt(12);
        for (int i = 0; i < n; i++) {
            sb.append(alphabet.charAt(r.nextInt(alphabet.length())));
        }
        return sb.toString();
    }

    private static String quoteKey(String k) {
        return new String(Node.quote(k), StandardCharsets.UTF_8);
    }

    private static void collectKeys(JsonNode n, Set<String> into) {
        if (n.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                into.add(e.getKey());
                collectKeys(e.getValue(), into);
            }
        } else if (n.isArray()) {
            n.forEach(c -> collectKeys(c, into));
        }
    }

    private static String nestedArrays(int depth) {
        return "[".repeat(depth) + "]".repeat(depth);
    }

    private static String nestedObjects(int depth) {
        return "{\"a\":".repeat(depth) + "{}" + "}".repeat(depth);
    }

    // ---- the tree

    /** Every place a value sits: a member of an object or an element of an array, with its JSON path. */
    private static List<Slot> slots(Node root) {
        List<Slot> out = new ArrayList<>();
        collect(root, "", out);
        return out;
    }

    private static void collect(Node n, String path, List<Slot> out) {
        if (n instanceof Node.Obj o) {
            for (int i = 0; i < o.members().size(); i++) {
                Node.Member m = o.members().get(i);
                String p = path + "/" + m.rawKey().replace("\"", "");
                out.add(new Slot(o, null, i, p));
                collect(m.value(), p, out);
            }
        } else if (n instanceof Node.Arr a) {
            for (int i = 0; i < a.items().size(); i++) {
                String p = path + "/" + i;
                out.add(new Slot(null, a, i, p));
                collect(a.items().get(i), p, out);
            }
        }
    }

    private record Slot(Node.Obj obj, Node.Arr arr, int index, String path) {
        Node value() {
            return obj != null ? obj.members().get(index).value() : arr.items().get(index);
        }

        void replace(Node v) {
            if (obj != null) {
                obj.members().set(index, new Node.Member(obj.members().get(index).rawKey(), v));
            } else {
                arr.items().set(index, v);
            }
        }

        void delete() {
            if (obj != null) {
                obj.members().remove(index);
            } else {
                arr.items().remove(index);
            }
        }

        void duplicate() {
            if (obj != null) {
                Node.Member m = obj.members().get(index);
                obj.members().add(index + 1, new Node.Member(m.rawKey(), m.value().copy()));
            } else {
                arr.items().add(index + 1, arr.items().get(index).copy());
            }
        }

        void insertMember(String rawKey, String valueText) {
            if (obj != null) {
                obj.members().add(index, new Node.Member(rawKey, new Node.Raw(valueText)));
            } else {
                arr.items().add(index, new Node.Raw(valueText));
            }
        }

        void escapeKey(Random r) {
            if (obj == null) {
                arr.items().add(index, new Node.Raw("\"\\ud800\""));
                return;
            }
            Node.Member m = obj.members().get(index);
            String body = m.rawKey().substring(1, m.rawKey().length() - 1);
            String key = r.nextBoolean() ? escapeAll(body) : body + "\\u0000";
            // Keep the original too, now and then: the escaped spelling is then a duplicate key.
            if (r.nextBoolean()) {
                obj.members().add(index + 1, new Node.Member("\"" + key + "\"", m.value().copy()));
            } else {
                obj.members().set(index, new Node.Member("\"" + key + "\"", m.value()));
            }
        }
    }

    /** A JSON value that may hold duplicate keys and any number token. */
    public sealed interface Node permits Node.Obj, Node.Arr, Node.Raw {

        /** An object; keys are kept as raw JSON string text, so escapes stay as written. */
        record Obj(List<Member> members) implements Node {
        }

        record Member(String rawKey, Node value) {
        }

        record Arr(List<Node> items) implements Node {
        }

        /** A scalar, or any text at all, written verbatim. */
        record Raw(String text) implements Node {
        }

        static Node of(JsonNode n) {
            if (n.isObject()) {
                List<Member> members = new ArrayList<>();
                for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> e = it.next();
                    members.add(new Member(new String(quote(e.getKey()), StandardCharsets.UTF_8), of(e.getValue())));
                }
                return new Obj(members);
            }
            if (n.isArray()) {
                List<Node> items = new ArrayList<>();
                n.forEach(c -> items.add(of(c)));
                return new Arr(items);
            }
            return new Raw(n.toString());
        }

        static byte[] quote(String s) {
            try {
                return MAPPER.writeValueAsBytes(s);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        default Node copy() {
            if (this instanceof Obj o) {
                List<Member> members = new ArrayList<>();
                o.members().forEach(m -> members.add(new Member(m.rawKey(), m.value().copy())));
                return new Obj(members);
            }
            if (this instanceof Arr a) {
                List<Node> items = new ArrayList<>();
                a.items().forEach(i -> items.add(i.copy()));
                return new Arr(items);
            }
            return this;
        }

        /** Compact, or indented with a mix of whitespace. */
        default byte[] bytes(boolean spaced) {
            StringBuilder sb = new StringBuilder();
            write(this, sb, spaced, 0);
            return sb.toString().getBytes(StandardCharsets.UTF_8);
        }

        private static void write(Node n, StringBuilder sb, boolean spaced, int depth) {
            String nl = spaced ? "\n" + "\t".repeat(Math.min(depth + 1, 8)) : "";
            if (n instanceof Obj o) {
                sb.append('{');
                for (int i = 0; i < o.members().size(); i++) {
                    sb.append(i == 0 ? "" : ",").append(nl).append(o.members().get(i).rawKey()).append(spaced ? ": " : ":");
                    write(o.members().get(i).value(), sb, spaced, depth + 1);
                }
                sb.append(spaced && !o.members().isEmpty() ? "\r\n" : "").append('}');
            } else if (n instanceof Arr a) {
                sb.append('[');
                for (int i = 0; i < a.items().size(); i++) {
                    sb.append(i == 0 ? "" : ",").append(nl);
                    write(a.items().get(i), sb, spaced, depth + 1);
                }
                sb.append(']');
            } else {
                sb.append(((Raw) n).text());
            }
        }
    }
}
