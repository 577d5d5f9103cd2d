package dev.oci4j.image.layer;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;

/**
 * Hostile layer stacks for {@link LayerApplierFuzzTest}, made deterministically from a seed: entry
 * names with {@code ..}, absolute paths (the sandbox's own among them), symlinks and hard links
 * pointing out of the root, whiteouts and opaque markers, duplicates, device nodes and FIFOs, PAX
 * records with odd paths; then, for the corrupted kind, compression and damage to the bytes.
 *
 * <p>{@value #SANDBOX} in a name or link target stands for the absolute path of the try's sandbox
 * (the directory holding the root and the sentinel), filled in when the bytes are made, so an
 * escape would land where the test looks.
 */
final class FuzzLayers {

    static final String SANDBOX = "@SANDBOX@";

    private static final List<String> COMPONENTS = List.of(
            "a", "a", "b", "b", "c", "d", ".", "..", "", ".wh.a", ".wh.b", ".wh..wh..opq", "root", "outside",
            "sentinel", SANDBOX, "\u00e9t\u00e9", "x".repeat(120), "sp ace", "-");

    private static final String LONG = "l".repeat(101);

    private static final List<String> TARGETS = List.of(
            "..", "../..", "../outside", "../outside/sentinel", "../../outside/sentinel", "/", "/..", "/../outside",
            SANDBOX, SANDBOX + "/outside", SANDBOX + "/outside/sentinel", SANDBOX + "/outside/dir",
            SANDBOX + "/root/../outside", "/proc/self/root", "a", "b", "a/b", "c/../..", ".", "", "self", "loop",
            "a/../../../outside", "x".repeat(300));

    /** One tar entry as a recipe. */
    record Entry(char type, String name, String link, byte[] content, int mode, Map<String, String> pax) {
        @Override
        public String toString() {
            return type + " \"" + name + "\"" + (link == null ? "" : " -> \"" + link + "\"")
                    + (content.length == 0 ? "" : " (" + content.length + " bytes)") + " mode "
                    + Integer.toOctalString(mode) + (pax.isEmpty() ? "" : " pax " + pax);
        }
    }

    /** A stack of layers plus, for corrupted stacks, how each layer's bytes are packed and damaged. */
    record Stack(List<List<Entry>> layers, List<String> packing, long seed) {
        @Override
        public String toString() {
            StringBuilder sb = new StringBuilder("seed " + seed + ":");
            for (int i = 0; i < layers.size(); i++) {
                sb.append("\n    layer ").append(i).append(packing.isEmpty() ? "" : " " + packing.get(i)).append(':');
                layers.get(i).forEach(e -> sb.append("\n      ").append(e));
            }
            return sb.toString();
        }
    }

    private FuzzLayers() {
    }

    static Stack stack(long seed, boolean corrupt) {
        Random r = new Random(seed);
        int n = 1 + r.nextInt(3);
        List<List<Entry>> layers = new ArrayList<>();
        List<String> packing = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            List<Entry> entries = new ArrayList<>();
            int count = r.nextInt(14);
            for (int j = 0; j < count; j++) {
                entries.add(entry(r, entries));
            }
            layers.add(entries);
            if (corrupt) {
                packing.add(packing(r));
            }
        }
        return new Stack(layers, packing, seed);
    }

    private static Entry entry(Random r, List<Entry> earlier) {
        // Names and targets of earlier entries make duplicates and links that resolve.
        String name = !earlier.isEmpty() && r.nextInt(6) == 0 ? earlier.get(r.nextInt(earlier.size())).name() : name(r);
        int mode = List.of(0755, 0644, 0, 07777, 0700, 0555, 01777, 0444).get(r.nextInt(8));
        Map<String, String> pax = new LinkedHashMap<>();
        if (r.nextInt(8) == 0) {
            pax.put("SCHILY.xattr.user.fuzz", "v" + r.nextInt(10));
        }
        if (r.nextInt(16) == 0) {
            pax.put("SCHILY.xattr.security.capability", "\u0001\u0000\u0000\u0002");
        }
        if (r.nextInt(16) == 0) {
            // Past 100 characters a name goes into a PAX record whole: a NUL there reaches the applier.
            pax.put("path", List.of("a/\u0000b", "../../x", SANDBOX + "/pwned", "", "a//b/./c", "\n",
                    LONG + "/a\u0000b", LONG + "/../../../x").get(r.nextInt(8)));
        }
        String target = r.nextInt(3) == 0 && !earlier.isEmpty()
                ? earlier.get(r.nextInt(earlier.size())).name() : TARGETS.get(r.nextInt(TARGETS.size()));
        char type = "00000dddssshhwoFCBZ".charAt(r.nextInt(19));
        if (type == 'h' && r.nextInt(8) == 0) {
            pax.put("linkpath", List.of("a\u0000b", "../..", SANDBOX + "/outside/sentinel", LONG + "\u0000b")
                    .get(r.nextInt(4)));
        }
        if (type == 's' && r.nextInt(8) == 0) {
            pax.put("linkpath", List.of("a\u0000b", "/\u0000", SANDBOX + "/outside", LONG + "/\u0000")
                    .get(r.nextInt(4)));
        }
        return switch (type) {
            case 'd' -> new Entry('d', name.endsWith("/") ? name : name + "/", null, new byte[0], mode, pax);
            case 's' -> new Entry('s', name, target, new byte[0], 0777, pax);
            case 'h' -> new Entry('h', name, target, new byte[0], mode, pax);
            case 'w' -> new Entry('0', parentOf(name) + ".wh." + List.of("a", "b", "c", "..", ".", "", "root").get(r.nextInt(7)),
                    null, new byte[0], 0, pax);
            case 'o' -> new Entry('0', parentOf(name) + ".wh..wh..opq", null, new byte[0], 0, pax);
            case 'F', 'C', 'B' -> new Entry(type, name, null, new byte[0], mode, pax);
            default -> new Entry(type, name, null, content(r), mode, pax);
        };
    }

    private static String name(Random r) {
        StringBuilder sb = new StringBuilder(List.of("", "", "", "/", "./", "../", "//").get(r.nextInt(7)));
        int parts = 1 + r.nextInt(4);
        for (int i = 0; i < parts; i++) {
            // The sandbox's absolute path among them: as a name it must land inside the root all the same.
            sb.append(i == 0 ? "" : "/").append(COMPONENTS.get(r.nextInt(COMPONENTS.size())));
        }
        return sb.toString();
    }

    private static String parentOf(String name) {
        int slash = name.lastIndexOf('/', name.endsWith("/") ? name.length() - 2 : name.length() - 1);
        return slash < 0 ? "" : name.substring(0, slash + 1);
    }

    private static byte[] content(Random r) {
        byte[] b = new byte[r.nextInt(4) == 0 ? r.nextInt(3000) : r.nextInt(40)];
        r.nextBytes(b);
        return b;
    }

    private static String packing(Random r) {
        String compression = List.of("tar", "tar", "gzip", "zstd").get(r.nextInt(4));
        StringBuilder edits = new StringBuilder(compression);
        int n = r.nextInt(4);
        for (int i = 0; i < n; i++) {
            edits.append(' ').append(switch (r.nextInt(6)) {
                case 0 -> "truncate@" + r.nextInt(1 << 16);
                case 1, 2 -> "flip@" + (r.nextBoolean() ? r.nextInt(1024) : r.nextInt(1 << 16)) + "^" + (1 + r.nextInt(255));
                case 3 -> "junk@" + r.nextInt(1 << 16) + "x" + (1 + r.nextInt(600));
                case 4 -> "notrailer";
                default -> "append" + (1 + r.nextInt(1100));
            });
        }
        return edits.toString();
    }

    // ---- bytes

    /** The layer's tar, {@link #SANDBOX} replaced by {@code sandbox}, packed and damaged as {@code packing} says. */
    static byte[] bytes(List<Entry> entries, String packing, String sandbox, long seed) throws IOException {
        byte[] tar = tar(entries, sandbox);
        if (packing == null) {
            return tar;
        }
        String[] steps = packing.split(" ");
        for (String s : steps) {
            if (s.equals("notrailer") && tar.length >= 1024) {
                tar = Arrays.copyOf(tar, tar.length - 1024);
            }
        }
        byte[] out = switch (steps[0]) {
            case "gzip" -> compress(Compression.GZIP, tar);
            case "zstd" -> compress(Compression.ZSTD, tar);
            default -> tar;
        };
        Random r = new Random(seed);
        for (String s : steps) {
            if (s.startsWith("truncate@")) {
                out = Arrays.copyOf(out, Math.min(out.length, Integer.parseInt(s.substring(9)) % (out.length + 1)));
            } else if (s.startsWith("flip@") && out.length > 0) {
                String[] v = s.substring(5).split("\\^");
                int at = Integer.parseInt(v[0]) % out.length;
                out = out.clone();
                out[at] ^= (byte) Integer.parseInt(v[1]);
            } else if (s.startsWith("junk@")) {
                String[] v = s.substring(5).split("x");
                int at = Integer.parseInt(v[0]) % (out.length + 1);
                byte[] junk = new byte[Integer.parseInt(v[1])];
                r.nextBytes(junk);
                ByteArrayOutputStream b = new ByteArrayOutputStream();
                b.write(out, 0, at);
                b.write(junk);
                b.write(out, at, out.length - at);
                out = b.toByteArray();
            } else if (s.startsWith("append")) {
                byte[] more = new byte[Integer.parseInt(s.substring(6))];
                r.nextBytes(more);
                out = concat(out, r.nextBoolean() ? more : Arrays.copyOf(out, Math.min(out.length, more.length)));
            }
        }
        return out;
    }

    private static byte[] tar(List<Entry> entries, String sandbox) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(bytes, 512, "UTF-8")) {
            tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
            tar.setAddPaxHeadersForNonAsciiNames(true);
            for (Entry e : entries) {
                byte flag = switch (e.type()) {
                    case 'd' -> TarConstants.LF_DIR;
                    case 's' -> TarConstants.LF_SYMLINK;
                    case 'h' -> TarConstants.LF_LINK;
                    case 'F' -> TarConstants.LF_FIFO;
                    case 'C' -> TarConstants.LF_CHR;
                    case 'B' -> TarConstants.LF_BLK;
                    case 'Z' -> (byte) 'Z';
                    default -> TarConstants.LF_NORMAL;
                };
                TarArchiveEntry t = new TarArchiveEntry(fill(e.name(), sandbox), flag, true);
                t.setUserName("");
                t.setGroupName("");
                t.setMode(e.mode());
                t.setModTime(1_600_000_000_000L);
                if (e.link() != null) {
                    t.setLinkName(fill(e.link(), sandbox));
                }
                if (e.type() == 'C' || e.type() == 'B') {
                    // /dev/null and /dev/zero: harmless even where the applier may create them.
                    t.setDevMajor(1);
                    t.setDevMinor(e.mode() % 2 == 0 ? 3 : 5);
                }
                e.pax().forEach((k, v) -> t.addPaxHeader(k, fill(v, sandbox)));
                // A name ending in '/' makes commons-compress write a directory, which has no content.
                byte[] content = t.isDirectory() ? new byte[0] : e.content();
                t.setSize(content.length);
                tar.putArchiveEntry(t);
                tar.write(content);
                tar.closeArchiveEntry();
            }
        }
        return bytes.toByteArray();
    }

    private static String fill(String s, String sandbox) {
        return s.replace(SANDBOX, sandbox);
    }

    private static byte[] compress(Compression c, byte[] tar) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (OutputStream z = c.compress(out, 1, 1)) {
            z.write(tar);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
