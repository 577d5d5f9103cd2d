package dev.oci4j.image.layer;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.oci4j.image.Digest;
import dev.oci4j.image.MediaType;
import dev.oci4j.testing.Commands;
import dev.oci4j.testing.TestEnvironment;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Layers written by umoci (base plus a changeset with whiteouts) apply to what umoci unpacks. */
class UmociInteropTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    private JsonNode blob(Path layout, String digest) throws Exception {
        return JSON.readTree(layout.resolve("blobs/sha256").resolve(Digest.parse(digest).encoded()).toFile());
    }

    @Test
    void umocisLayersApplyToTheTreeUmociUnpacks() throws Exception {
        TestEnvironment.requireTool("umoci");
        TestEnvironment.requireRoot("umoci unpack keeps owners only as root (else it needs --rootless)");
        Path layout = tmp.resolve("img");
        String image = layout + ":t";
        Commands.runOk("umoci", "init", "--layout", layout.toString());
        Commands.runOk("umoci", "new", "--image", image);
        Path b1 = tmp.resolve("b1");
        Commands.runOk("umoci", "unpack", "--image", image, b1.toString());
        Path r1 = b1.resolve("rootfs");
        Trees.file(r1, "etc/a", "a");
        Trees.file(r1, "etc/sub/s", "s");
        Trees.file(r1, "keep/k", "k");
        Trees.file(r1, "replaced/old", "old");
        Trees.file(r1, "bin/tool", "tool");
        Trees.mode(r1.resolve("bin/tool"), 04755);
        Files.createLink(r1.resolve("bin/tool2"), r1.resolve("bin/tool"));
        Files.createSymbolicLink(r1.resolve("link"), Path.of("etc/a"));
        Trees.xattr(r1.resolve("etc/a"), "umoci", "x");
        Commands.runOk("umoci", "repack", "--image", image, b1.toString());
        Path b2 = tmp.resolve("b2");
        Commands.runOk("umoci", "unpack", "--image", image, b2.toString());
        Path r2 = b2.resolve("rootfs");
        Commands.runOk("rm", "-rf", r2.resolve("etc/sub").toString(), r2.resolve("etc/a").toString(),
                r2.resolve("keep/k").toString(), r2.resolve("replaced").toString());
        Trees.file(r2, "etc/new", "n");
        Trees.file(r2, "replaced", "now a file");
        Commands.runOk("umoci", "repack", "--image", image, b2.toString());
        Path b3 = tmp.resolve("b3");
        Commands.runOk("umoci", "unpack", "--image", image, b3.toString());

        JsonNode index = JSON.readTree(layout.resolve("index.json").toFile());
        JsonNode manifest = blob(layout, index.get("manifests").get(0).get("digest").asText());
        JsonNode config = blob(layout, manifest.get("config").get("digest").asText());
        List<LayerSource> layers = new ArrayList<>();
        for (int i = 0; i < manifest.get("layers").size(); i++) {
            JsonNode d = manifest.get("layers").get(i);
            Path file = layout.resolve("blobs/sha256").resolve(Digest.parse(d.get("digest").asText()).encoded());
            layers.add(LayerSource.builder(() -> Files.newInputStream(file))
                    .mediaType(MediaType.of(d.get("mediaType").asText()))
                    .digest(Digest.parse(d.get("digest").asText())).size(d.get("size").asLong())
                    .diffId(Digest.parse(config.get("rootfs").get("diff_ids").get(i).asText())).build());
        }
        assertThat(layers).hasSize(2);

        Path out = tmp.resolve("out");
        ApplyResult r = LayerApplier.builder().build().apply(out, layers);

        assertThat(r.warnings()).isEmpty();
        assertThat(Trees.describe(out, true, true)).isEqualTo(Trees.describe(b3.resolve("rootfs"), true, true));
        assertThat(out.resolve("etc/a")).doesNotExist();
        assertThat(out.resolve("replaced")).hasContent("now a file");
    }
}
