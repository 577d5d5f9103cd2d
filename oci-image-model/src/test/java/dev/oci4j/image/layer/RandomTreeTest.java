package dev.oci4j.image.layer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oci4j.testing.Commands;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

/** Seeded random trees and random edits: write, diff and apply must reproduce them exactly. */
class RandomTreeTest {

    @TempDir
    Path tmp;

    private static final String[] NAMES = {"a", "b", "c", "dir", "x.txt", "ü", "long-" + "n".repeat(90)};

    private static void populate(Random r, Path dir, int depth) throws IOException {
        int n = 1 + r.nextInt(5);
        for (int i = 0; i < n; i++) {
            Path p = dir.resolve(NAMES[r.nextInt(NAMES.length)] + (r.nextBoolean() ? "" : String.valueOf(i)));
            if (Files.exists(p, LinkOption.NOFOLLOW_LINKS)) {
                continue;
            }
            int kind = r.nextInt(10);
            if (kind < 3 && depth < 4) {
                Files.createDirectory(p);
                populate(r, p, depth + 1);
                Trees.mode(p, r.nextBoolean() ? 0755 : 0750);
            } else if (kind < 8) {
                byte[] data = new byte[r.nextInt(3) == 0 ? r.nextInt(70_000) : r.nextInt(300)];
                r.nextBytes(data);
                Files.write(p, data);
                Trees.mode(p, r.nextBoolean() ? 0644 : 04711);
            } else {
                Files.createSymbolicLink(p, Path.of(r.nextBoolean() ? "../" + NAMES[r.nextInt(3)] : "/etc/hosts"));
            }
            Trees.mtime(p, 1_000_000_000L + r.nextInt(1_000_000));
        }
        Trees.mtime(dir, 1_000_000_000L + r.nextInt(1_000_000));
    }

    private static List<Path> all(Path root) throws IOException {
        List<Path> out = new ArrayList<>();
        try (Stream<Path> s = Files.walk(root)) {
            s.filter(p -> !p.equals(root)).forEach(out::add);
        }
        return out;
    }

    /** Deletes, rewrites, retypes, re-modes and adds at random, and links some files. */
    private static void mutate(Random r, Path root) throws Exception {
        List<Path> paths = all(root);
        for (Path p : paths) {
            if (!Files.exists(p, LinkOption.NOFOLLOW_LINKS)) {
                continue;
            }
            int what = r.nextInt(12);
            boolean dir = Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS);
            if (what == 0) {
                Commands.runOk("rm", "-rf", p.toString());
            } else if (what == 1 && !dir) {
                Files.delete(p);
                Files.createDirectory(p);
                populate(r, p, 3);
            } else if (what == 2 && dir) {
                Commands.runOk("rm", "-rf", p.toString());
                Files.writeString(p, "was a directory");
            } else if (what == 3 && Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
                Files.writeString(p, "rewritten " + r.nextInt());
            } else if (what == 4 && !Files.isSymbolicLink(p)) {
                Trees.mode(p, dir ? 0700 : 0600);
            } else if (what == 5 && dir) {
                populate(r, p, 3);
            } else if (what == 6 && Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
                Path link = p.resolveSibling(p.getFileName() + ".hard");
                if (!Files.exists(link, LinkOption.NOFOLLOW_LINKS)) {
                    Files.createLink(link, p);
                }
            } else if (what == 7 && dir) {
                for (Path c : all(p)) {
                    if (c.getParent().equals(p)) {
                        Commands.runOk("rm", "-rf", c.toString());
                    }
                }
                Files.writeString(p.resolve("fresh"), "only child");
            }
            if (Files.exists(p, LinkOption.NOFOLLOW_LINKS) && r.nextInt(4) == 0) {
                Trees.mtime(p, 1_500_000_000L + r.nextInt(1000));
            }
        }
        Trees.mtime(root, 1_600_000_000L);
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4})
    void randomTreesAndRandomEditsRoundTrip(long seed) throws Exception {
        Random r = new Random(seed);
        Path lower = Files.createDirectory(tmp.resolve("lower"));
        populate(r, lower, 0);
        Path upper = Files.createDirectory(tmp.resolve("upper"));
        Commands.runOk("cp", "-a", lower + "/.", upper.toString());
        mutate(r, upper);

        LayerWriter writer = LayerWriter.builder().compression(Compression.ZSTD).opaqueWhiteouts(seed % 2 == 0).build();
        Path base = tmp.resolve("base.tar.zst");
        Path diff = tmp.resolve("diff.tar.zst");
        WrittenLayer b = writer.writeDirectory(lower, base);
        WrittenLayer d = writer.writeDiff(lower, upper, diff);
        Path full = tmp.resolve("full.tar.zst");
        WrittenLayer f = writer.writeDirectory(upper, full);

        Path out = tmp.resolve("out");
        LayerApplier applier = LayerApplier.builder().build();
        applier.apply(out, LayerSource.of(base, b.diffId()));
        assertThat(Trees.describe(out, true, true)).isEqualTo(Trees.describe(lower, true, true));
        applier.apply(out, LayerSource.of(diff, d.diffId()));
        assertThat(Trees.describe(out, true, true)).as("lower + diff, seed " + seed)
                .isEqualTo(Trees.describe(upper, true, true));

        Path again = tmp.resolve("again");
        applier.apply(again, LayerSource.of(full, f.diffId()));
        assertThat(Trees.describe(again, true, true)).isEqualTo(Trees.describe(upper, true, true));
    }
}
