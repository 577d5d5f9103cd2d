package dev.oci4j.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oci4j.image.Descriptor;
import dev.oci4j.image.Digest;
import dev.oci4j.image.ImageManifest;
import dev.oci4j.image.MediaType;
import dev.oci4j.image.layout.Blob;
import dev.oci4j.image.layout.ImageLayout;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LayoutCommandTest {

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();

    private int oci(String... args) {
        out.getBuffer().setLength(0);
        return Oci.commandLine(args).setOut(new PrintWriter(out, true)).setErr(new PrintWriter(out, true))
                .execute(args);
    }

    /** A one-layer image whose "layer" is an empty tar (two zero blocks). */
    private Descriptor image(ImageLayout layout) throws IOException {
        byte[] tar = new byte[1024];
        Blob layer = layout.writeBlob(tar);
        Descriptor config = layout.writeJson(MediaType.OCI_CONFIG, ("{\"architecture\":\"arm64\",\"os\":\"linux\","
                + "\"rootfs\":{\"type\":\"layers\",\"diff_ids\":[\"" + Digest.sha256(tar) + "\"]}}")
                .getBytes(StandardCharsets.UTF_8));
        return layout.writeManifest(ImageManifest.builder().config(config)
                .addLayer(Descriptor.of(MediaType.OCI_LAYER_TAR, layer.digest(), layer.size())).build());
    }

    /** A Docker v2 schema 2 image in a Docker manifest list, stored as a pull from a registry stores them. */
    private Descriptor dockerImage(ImageLayout layout) throws IOException {
        byte[] tar = new byte[1024];
        java.io.ByteArrayOutputStream gz = new java.io.ByteArrayOutputStream();
        try (java.util.zip.GZIPOutputStream out = new java.util.zip.GZIPOutputStream(gz)) {
            out.write(tar);
        }
        Blob layer = layout.writeBlob(gz.toByteArray());
        Descriptor config = layout.writeJson(MediaType.DOCKER_CONFIG, ("{\"architecture\":\"amd64\",\"os\":\"linux\","
                + "\"rootfs\":{\"type\":\"layers\",\"diff_ids\":[\"" + Digest.sha256(tar) + "\"]}}")
                .getBytes(StandardCharsets.UTF_8));
        Descriptor manifest = layout.writeJson(MediaType.DOCKER_MANIFEST, ("{\"schemaVersion\":2,\"mediaType\":\""
                + MediaType.DOCKER_MANIFEST + "\",\"config\":" + descriptor(config) + ",\"layers\":["
                + descriptor(Descriptor.of(MediaType.DOCKER_LAYER_TAR_GZIP, layer.digest(), layer.size())) + "]}")
                .getBytes(StandardCharsets.UTF_8));
        String list = "{\"schemaVersion\":2,\"mediaType\":\"" + MediaType.DOCKER_MANIFEST_LIST + "\",\"manifests\":["
                + descriptor(manifest).replaceFirst("}$", ",\"platform\":{\"architecture\":\"amd64\",\"os\":\"linux\"}}")
                + "]}";
        return layout.writeJson(MediaType.DOCKER_MANIFEST_LIST, list.getBytes(StandardCharsets.UTF_8));
    }

    private static String descriptor(Descriptor d) {
        return "{\"mediaType\":\"" + d.mediaType().orElseThrow() + "\",\"size\":" + d.size() + ",\"digest\":\""
                + d.digest() + "\"}";
    }

    @Test
    void dockerManifestsAndManifestListsVerifyAsDocumentsOfTheirOwnKind() throws IOException {
        ImageLayout layout = ImageLayout.create(dir);
        Descriptor list = layout.tag("docker", dockerImage(layout));
        assertThat(oci("layout", "verify", dir.toString())).as(out.toString()).isZero();
        assertThat(out.toString()).contains("4 blobs", "valid");

        CommandRun run = CommandRun.of("validate", layout.blobPath(list.digest()).toString());
        assertThat(run.exitCode()).as(run.out()).isZero();
        assertThat(run.out()).contains(": valid index");
    }

    @Test
    void lsListsRefNamesDigestsMediaTypesAndPlatforms() throws IOException {
        ImageLayout layout = ImageLayout.create(dir);
        Descriptor m = layout.tag("v1", image(layout));
        assertThat(oci("layout", "ls", "oci:" + dir + ":v1")).isZero();
        assertThat(out.toString()).contains("v1", m.digest().toString(), MediaType.OCI_MANIFEST.value(),
                "linux/arm64");
    }

    @Test
    void verifyExitsZeroWhenCleanAndOneWithEveryProblemPrinted() throws IOException {
        ImageLayout layout = ImageLayout.create(dir);
        Descriptor m = layout.tag("v1", image(layout));
        assertThat(oci("layout", "verify", dir.toString())).isZero();
        assertThat(out.toString()).contains("3 blobs", "valid");

        Descriptor config = layout.parseManifest(m).value().config();
        Files.write(layout.blobPath(config.digest()), new byte[] {'{', '}'});
        assertThat(oci("layout", "verify", dir.toString())).isEqualTo(1);
        assertThat(out.toString()).contains("error: index.json /manifests/0 -> " + m.digest() + " /config",
                "file has 2 bytes", "1 error(s)");
    }

    @Test
    void gcPrintsRemovedBlobsAndBytesFreed() throws IOException {
        ImageLayout layout = ImageLayout.create(dir);
        layout.tag("v1", image(layout));
        Blob stray = layout.writeBlob("stray".getBytes(StandardCharsets.UTF_8));
        assertThat(oci("layout", "gc", dir.toString())).isZero();
        assertThat(out.toString()).contains("removed " + stray.digest(), "removed 1 blob(s)", "freed 5 bytes");
        assertThat(layout.hasBlob(stray.digest())).isFalse();
    }

    @Test
    void aDirectoryThatIsNotALayoutExitsTwoWithOneLine() throws IOException {
        assertThat(oci("layout", "verify", dir.toString())).isEqualTo(2);
        assertThat(out.toString()).contains("oci layout verify: ", "oci-layout", "missing").doesNotContain("\tat ");
        Files.writeString(dir.resolve("oci-layout"), "{\"imageLayoutVersion\":\"1.0.0\"}");
        Files.writeString(dir.resolve("index.json"), "{\"schemaVersion\":2,\"manifests\":{}}");
        assertThat(oci("layout", "ls", dir.toString())).isEqualTo(2);
        assertThat(out.toString()).contains("index.json /manifests");
    }
}
