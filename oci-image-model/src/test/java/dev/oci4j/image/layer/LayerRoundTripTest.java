package dev.oci4j.image.layer;

import static dev.oci4j.testing.TestEnvironment.isRoot;
import static org.assertj.core.api.Assertions.assertThat;

import dev.oci4j.testing.Commands;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Write a directory, apply the layer elsewhere, compare the trees object by object. */
class LayerRoundTripTest {

    @TempDir
    Path tmp;

    /** Every kind of object a layer can hold; devices and foreign owners only as root. */
    static Path richTree(Path src) throws Exception {
        Files.createDirectories(src);
        Trees.file(src, "etc/hosts", "127.0.0.1 localhost\n");
        Trees.file(src, "empty", "");
        byte[] random = new byte[600 * 1024 + 17];
        new Random(42).nextBytes(random);
        Files.write(src.resolve("random.bin"), random);
        Trees.file(src, "bin/tool", "#!/bin/sh\necho hi\n");
        Trees.mode(src.resolve("bin/tool"), 04755);
        Trees.file(src, "bin/sgid", "g");
        Trees.mode(src.resolve("bin/sgid"), 02711);
        Trees.mode(Trees.dir(src, "tmp"), 01777);
        Trees.mode(Trees.dir(src, "private"), 0700);
        Trees.file(src, "private/readonly", "ro");
        Trees.mode(src.resolve("private/readonly"), 0400);
        Trees.mode(Trees.dir(src, "shared"), 02775);
        Files.createSymbolicLink(src.resolve("bin/sh"), Path.of("busybox"));
        Files.createSymbolicLink(src.resolve("abs-link"), Path.of("/etc/hosts"));
        Files.createSymbolicLink(src.resolve("dangling"), Path.of("../nowhere/at/all"));
        Files.createLink(src.resolve("bin/tool2"), src.resolve("bin/tool"));
        Files.createLink(src.resolve("etc/tool3"), src.resolve("bin/tool"));
        String longDir = "d".repeat(120) + "/" + "e".repeat(120) + "/" + "f".repeat(60);
        Trees.file(src, longDir + "/" + "n".repeat(200), "long name");
        Files.createSymbolicLink(src.resolve("long-link"), Path.of("t".repeat(150) + "/" + "u".repeat(150)));
        Files.createLink(src.resolve("long-hardlink"), src.resolve(longDir + "/" + "n".repeat(200)));
        Trees.file(src, "ünïcødé/日本語 file", "utf-8 names");
        Trees.xattr(src.resolve("etc/hosts"), "comment", "a user xattr");
        Trees.xattr(src.resolve("etc"), "dir.attr", "on a directory");
        Commands.runOk("mkfifo", "-m", "0620", src.resolve("fifo").toString());
        if (isRoot()) {
            Commands.runOk("mknod", "-m", "0666", src.resolve("null").toString(), "c", "1", "3");
            Commands.runOk("mknod", "-m", "0660", src.resolve("loop9").toString(), "b", "7", "9");
            Commands.runOk("chown", "-h", "1234:5678", src.resolve("etc/hosts").toString(), src.resolve("bin/sh").toString(),
                    src.resolve("private").toString());
            Commands.runOk("chown", "4000000000:7", src.resolve("empty").toString());
        }
        long t = 1_500_000_000L;
        for (String p : new String[] {"etc/hosts", "empty", "random.bin", "bin/sh", "dangling", "fifo", "etc",
                "private/readonly", "private", "bin", "tmp", "ünïcødé"}) {
            Trees.mtime(src.resolve(p), t += 3600);
        }
        return src;
    }

    @Test
    void everyEntryTypeRoundTripsThroughAGzipLayer() throws Exception {
        Path src = richTree(tmp.resolve("src"));
        Path blob = tmp.resolve("layer.tar.gz");
        WrittenLayer layer = LayerWriter.builder().compression(Compression.GZIP).build().writeDirectory(src, blob);
        assertThat(layer.size()).isEqualTo(Files.size(blob));
        assertThat(layer.mediaType()).isEqualTo(dev.oci4j.image.MediaType.OCI_LAYER_TAR_GZIP);
        assertThat(layer.digest()).isEqualTo(dev.oci4j.image.Digest.sha256(blob));

        Path out = tmp.resolve("out");
        ApplyResult r = LayerApplier.builder().build().apply(out, LayerSource.of(blob, layer.diffId()));

        assertThat(r.diffIds()).containsExactly(layer.diffId());
        assertThat(r.warnings()).isEmpty();
        Map<String, String> expected = Trees.describe(src, isRoot(), true);
        assertThat(Trees.describe(out, isRoot(), true)).isEqualTo(expected);
        assertThat(expected.get("bin/tool2")).contains("links=bin/tool");
        assertThat(expected.get("bin/tool")).startsWith("104755");
        if (isRoot()) {
            assertThat(expected.get("etc/hosts")).contains(" 1234:5678 ");
            assertThat(expected.get("null")).startsWith("20666");
        }
    }

    @Test
    void everyEntryTypeRoundTripsThroughAZstdLayer() throws Exception {
        Path src = richTree(tmp.resolve("src"));
        Path blob = tmp.resolve("layer.tar.zst");
        WrittenLayer layer = LayerWriter.builder().compression(Compression.ZSTD, 9).build().writeDirectory(src, blob);
        assertThat(layer.mediaType()).isEqualTo(dev.oci4j.image.MediaType.OCI_LAYER_TAR_ZSTD);
        Path out = tmp.resolve("out");
        LayerApplier.builder().build().apply(out, LayerSource.builder(() -> Files.newInputStream(blob))
                .mediaType(layer.mediaType()).digest(layer.digest()).size(layer.size()).diffId(layer.diffId()).build());
        assertThat(Trees.describe(out, isRoot(), true)).isEqualTo(Trees.describe(src, isRoot(), true));
    }

    @Test
    void anUncompressedLayersDigestIsItsDiffId() throws Exception {
        Path src = Files.createDirectory(tmp.resolve("src"));
        Trees.file(src, "a", "a");
        Path blob = tmp.resolve("layer.tar");
        WrittenLayer layer = LayerWriter.builder().build().writeDirectory(src, blob);
        assertThat(layer.digest()).isEqualTo(layer.diffId());
        assertThat(layer.size()).isEqualTo(layer.uncompressedSize()).isEqualTo(Files.size(blob));
        byte[] tar = Files.readAllBytes(blob);
        assertThat(tar.length % 512).isZero();
        // The archive ends with two zero blocks.
        for (int i = tar.length - 1024; i < tar.length; i++) {
            assertThat(tar[i]).isZero();
        }
        assertThat(new String(tar, StandardCharsets.ISO_8859_1)).doesNotContain("root");
    }
}
