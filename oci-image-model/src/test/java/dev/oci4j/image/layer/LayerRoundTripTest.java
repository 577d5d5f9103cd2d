package dev.oci4j.image.layer;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LayerRoundTripTest {

    @TempDir
    Path tmp;

    @Test
    void aDirectoryWrittenAndAppliedComesBackTheSame() throws Exception {
        Path src = Files.createDirectory(tmp.resolve("src"));
        Trees.file(src, "etc/hosts", "127.0.0.1 localhost\n");
        Trees.file(src, "bin/tool", "#!/bin/sh\necho hi\n");
        Trees.mode(src.resolve("bin/tool"), 04755);
        Files.createSymbolicLink(src.resolve("bin/sh"), Path.of("busybox"));
        Files.createLink(src.resolve("bin/tool2"), src.resolve("bin/tool"));
        Path blob = tmp.resolve("layer.tar.gz");
        WrittenLayer layer = LayerWriter.builder().compression(Compression.GZIP).build().writeDirectory(src, blob);
        assertThat(layer.size()).isEqualTo(Files.size(blob));

        Path out = tmp.resolve("out");
        ApplyResult r = LayerApplier.builder().build().apply(out, LayerSource.of(blob, layer.diffId()));

        assertThat(r.diffIds()).containsExactly(layer.diffId());
        Map<String, String> expected = Trees.describe(src, Trees.isRoot(), true);
        assertThat(Trees.describe(out, Trees.isRoot(), true)).isEqualTo(expected);
    }
}
