package dev.oci4j.image.build;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.oci4j.image.Annotations;
import dev.oci4j.image.Descriptor;
import dev.oci4j.image.DocumentKind;
import dev.oci4j.image.History;
import dev.oci4j.image.ImageConfiguration;
import dev.oci4j.image.ImageSchemas;
import dev.oci4j.image.MediaType;
import dev.oci4j.image.Platform;
import dev.oci4j.image.layer.Compression;
import dev.oci4j.image.layer.LayerEntry;
import dev.oci4j.image.layout.ImageLayout;
import dev.oci4j.testing.TestEnvironment;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageBuilderTest {

    static final Instant EPOCH = Instant.ofEpochSecond(1_700_000_000);
    static final Platform AMD64 = Platform.parse("linux/amd64");

    @TempDir
    Path tmp;
    Path rootfs;

    @BeforeEach
    void tree() throws IOException {
        rootfs = tmp.resolve("rootfs");
        Files.createDirectories(rootfs.resolve("bin"));
        Files.createDirectories(rootfs.resolve("etc"));
        Files.writeString(rootfs.resolve("etc/os-release"), "NAME=test\n");
        Files.writeString(rootfs.resolve("bin/tool"), "#!/bin/sh\necho tool\n");
        Files.setAttribute(rootfs.resolve("bin/tool"), "unix:mode", 0755);
        Files.createSymbolicLink(rootfs.resolve("bin/sh"), Path.of("tool"));
    }

    ImageBuilder simple() {
        return ImageBuilder.fromScratch().platform(AMD64).sourceDateEpoch(EPOCH).addLayer(rootfs)
                .cmd("/bin/sh", "-c", "echo hi");
    }

    @Test
    void sameInputsAndOptionsGiveTheSameDigestsInAnotherLayout() throws IOException {
        for (Compression c : Compression.values()) {
            BuiltImage a = simple().compression(c).writeTo(ImageLayout.create(tmp.resolve("a-" + c)), "v1");
            // Touch the inputs: later mtimes are clamped to SOURCE_DATE_EPOCH, so nothing changes.
            Files.setLastModifiedTime(rootfs.resolve("etc/os-release"), FileTime.from(Instant.now()));
            BuiltImage b = simple().compression(c).writeTo(ImageLayout.create(tmp.resolve("b-" + c)), "v1");
            assertThat(b.digest()).as("%s", c).isEqualTo(a.digest());
            assertThat(b.manifest().layers()).isEqualTo(a.manifest().layers());
            assertThat(a.manifest().layers().get(0).mediaType()).contains(c.layerMediaType());
        }
    }

    @Test
    void whereTheSourceLivesWhoOwnsItAndLaterMtimesDoNotChangeTheDigest() throws IOException {
        BuiltImage a = simple().writeTo(ImageLayout.create(tmp.resolve("a")), "v1");
        Path elsewhere = tmp.resolve("another/place/rootfs");
        Files.createDirectories(elsewhere.resolve("bin"));
        Files.createDirectories(elsewhere.resolve("etc"));
        Files.writeString(elsewhere.resolve("etc/os-release"), "NAME=test\n");
        Files.writeString(elsewhere.resolve("bin/tool"), "#!/bin/sh\necho tool\n");
        Files.setAttribute(elsewhere.resolve("bin/tool"), "unix:mode", 0755);
        Files.createSymbolicLink(elsewhere.resolve("bin/sh"), Path.of("tool"));
        if (TestEnvironment.isRoot()) {
            Files.setAttribute(elsewhere.resolve("etc/os-release"), "unix:uid", 4242);
            Files.setAttribute(elsewhere.resolve("bin"), "unix:gid", 4242);
        }
        BuiltImage b = ImageBuilder.fromScratch().platform(AMD64).sourceDateEpoch(EPOCH).addLayer(elsewhere)
                .cmd("/bin/sh", "-c", "echo hi").writeTo(ImageLayout.create(tmp.resolve("b")), "v1");
        assertThat(b.digest()).isEqualTo(a.digest());
    }

    @Test
    void withoutSourceDateEpochCreatedIsLeftOut() throws IOException {
        BuiltImage image = ImageBuilder.fromScratch().platform(AMD64).addLayer(rootfs)
                .writeTo(ImageLayout.create(tmp.resolve("l")), "v1");
        assertThat(image.config().created()).isEmpty();
        assertThat(image.config().history()).allSatisfy(h -> assertThat(h.created()).isEmpty());
    }

    @Test
    void configCarriesTheExecutionSettings() throws IOException {
        BuiltImage image = simple().entrypoint("/bin/tool").cmd("--help").env("PATH", "/bin").env("A", "1")
                .workingDir("/work").user("1000:1000").label("b", "2").label("a", "1").exposedPort("8080")
                .exposedPort("53/udp").volume("/data").stopSignal("SIGINT").author("oci4j tests")
                .annotation(Annotations.TITLE, "test")
                .writeTo(ImageLayout.create(tmp.resolve("l")), "v1");
        ImageConfiguration c = image.config();
        assertThat(c.created()).contains("2023-11-14T22:13:20Z");
        assertThat(c.author()).contains("oci4j tests");
        assertThat(c.os()).isEqualTo("linux");
        assertThat(c.architecture()).isEqualTo("amd64");
        assertThat(c.config().entrypoint()).containsExactly("/bin/tool");
        assertThat(c.config().cmd()).containsExactly("--help");
        assertThat(c.config().env()).containsExactly("PATH=/bin", "A=1");
        assertThat(c.config().workingDir()).contains("/work");
        assertThat(c.config().user()).contains("1000:1000");
        assertThat(c.config().labels()).containsExactly(Map.entry("a", "1"), Map.entry("b", "2"));
        assertThat(c.config().exposedPorts()).containsExactlyInAnyOrder("8080/tcp", "53/udp");
        assertThat(c.config().volumes()).containsExactly("/data");
        assertThat(c.config().stopSignal()).contains("SIGINT");
        assertThat(image.manifest().annotations()).containsEntry(Annotations.TITLE, "test");
        assertThat(c.rootfs().diffIds()).hasSize(1);
    }

    @Test
    void layersAreSortedOwnedByRootAndClampedToSourceDateEpoch() throws IOException {
        ImageLayout layout = ImageLayout.create(tmp.resolve("l"));
        BuiltImage image = simple().writeTo(layout, "v1");
        List<TarArchiveEntry> entries = tarEntries(layout, image.manifest().layers().get(0));
        assertThat(entries).extracting(TarArchiveEntry::getName)
                .containsExactly("bin/", "bin/sh", "bin/tool", "etc/", "etc/os-release");
        assertThat(entries).allSatisfy(e -> {
            assertThat(e.getLongUserId()).isZero();
            assertThat(e.getLongGroupId()).isZero();
            assertThat(e.getModTime().toInstant()).isBeforeOrEqualTo(EPOCH);
        });
        assertThat(entries.get(2).getMode() & 07777).isEqualTo(0755);
        assertThat(entries.get(1).getLinkName()).isEqualTo("tool");
    }

    @Test
    void historyHasOneEntryPerLayerAndMarksConfigOnlySteps() throws IOException {
        BuiltImage image = simple().addHistory("configure: cmd").addFile(rootfs.resolve("etc/os-release"),
                "/usr/lib/os-release").writeTo(ImageLayout.create(tmp.resolve("l")), "v1");
        List<History> h = image.config().history();
        assertThat(h).extracting(x -> x.createdBy().orElse(""))
                .containsExactly("oci4j: add directory contents to /", "configure: cmd", "oci4j: add file /usr/lib/os-release");
        assertThat(h).extracting(History::emptyLayer).containsExactly(false, true, false);
        assertThat(h).allSatisfy(x -> assertThat(x.created()).contains("2023-11-14T22:13:20Z"));
        assertThat(image.manifest().layers()).hasSize(2);
        assertThat(image.config().rootfs().diffIds()).hasSize(2);
    }

    @Test
    void addFilePlacesOneFileWithItsParentDirectories() throws IOException {
        ImageLayout layout = ImageLayout.create(tmp.resolve("l"));
        BuiltImage image = ImageBuilder.fromScratch().platform(AMD64).sourceDateEpoch(EPOCH)
                .addFile(rootfs.resolve("bin/tool"), "/usr/local/bin/app").writeTo(layout, "v1");
        List<TarArchiveEntry> entries = tarEntries(layout, image.manifest().layers().get(0));
        assertThat(entries).extracting(TarArchiveEntry::getName)
                .containsExactly("usr/", "usr/local/", "usr/local/bin/", "usr/local/bin/app");
        assertThat(entries.get(3).getMode() & 0777).isEqualTo(0755);
        assertThatThrownBy(() -> ImageBuilder.fromScratch().addFile(rootfs, "../x"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("..");
    }

    @Test
    void entryListsKeepTheirOwnersAndWhiteouts() throws IOException {
        ImageLayout layout = ImageLayout.create(tmp.resolve("l"));
        byte[] hello = "hello".getBytes(StandardCharsets.UTF_8);
        BuiltImage image = ImageBuilder.fromScratch().platform(AMD64).sourceDateEpoch(EPOCH)
                .addEntries(List.of(
                        LayerEntry.file("home/u/hello", hello.length, () -> new ByteArrayInputStream(hello))
                                .toBuilder().uid(1000).gid(100).mtime(EPOCH).build(),
                        LayerEntry.whiteout("etc/motd")))
                .writeTo(layout, "v1");
        List<TarArchiveEntry> entries = tarEntries(layout, image.manifest().layers().get(0));
        assertThat(entries).extracting(TarArchiveEntry::getName).contains("etc/.wh.motd", "home/u/hello");
        assertThat(entries).filteredOn(e -> e.getName().equals("home/u/hello"))
                .singleElement().satisfies(e -> assertThat(e.getLongUserId()).isEqualTo(1000));
    }

    @Test
    void aBaseImageGivesItsLayersConfigAndHistoryAndIsCopiedAcrossLayouts() throws IOException {
        ImageLayout baseLayout = ImageLayout.create(tmp.resolve("base"));
        BuiltImage base = simple().entrypoint("/bin/sh").cmd("-c", "base").env("PATH", "/bin").env("B", "1")
                .label("org.example.from", "base").writeTo(baseLayout, "base");
        Path extra = Files.createDirectories(tmp.resolve("extra/app"));
        Files.writeString(extra.resolve("main"), "app");

        ImageLayout target = ImageLayout.create(tmp.resolve("target"));
        BuiltImage image = ImageBuilder.from(baseLayout, "base").sourceDateEpoch(EPOCH)
                .addLayer(tmp.resolve("extra")).entrypoint("/app/main").env("PATH", "/app:/bin").label("org.example.to", "app")
                .writeTo(target, "app");

        assertThat(image.manifest().layers()).hasSize(2).startsWith(base.manifest().layers().get(0));
        assertThat(image.config().rootfs().diffIds()).startsWith(base.config().rootfs().diffIds().get(0));
        assertThat(image.config().history()).hasSize(2).startsWith(base.config().history().get(0));
        assertThat(image.config().config().env()).containsExactly("PATH=/app:/bin", "B=1");
        assertThat(image.config().config().labels()).containsOnlyKeys("org.example.from", "org.example.to");
        assertThat(image.config().config().entrypoint()).containsExactly("/app/main");
        assertThat(image.config().config().cmd()).as("a new entrypoint drops the inherited cmd").isEmpty();
        assertThat(image.manifest().annotations()).containsEntry(Annotations.BASE_DIGEST, base.digest().toString());
        assertThat(target.hasBlob(base.manifest().layers().get(0).digest())).isTrue();
        assertThat(target.verify().problems()).isEmpty();
    }

    @Test
    void aBaseInTheSameLayoutIsReferencedNotCopied() throws IOException {
        ImageLayout layout = ImageLayout.create(tmp.resolve("l"));
        BuiltImage base = simple().writeTo(layout, "base");
        int blobsBefore = layout.blobs().size();
        BuiltImage app = ImageBuilder.from(layout, "base").sourceDateEpoch(EPOCH).cmd("/bin/tool").writeTo(layout, "app");
        assertThat(app.manifest().layers()).isEqualTo(base.manifest().layers());
        assertThat(layout.blobs()).as("only a new config and manifest").hasSize(blobsBefore + 2);
        assertThat(layout.resolve("base").orElseThrow().digest()).isEqualTo(base.digest());
        assertThat(app.config().history()).hasSize(1);
    }

    @Test
    void anUnknownBaseNameListsTheNamesThere() throws IOException {
        ImageLayout layout = ImageLayout.create(tmp.resolve("l"));
        simple().writeTo(layout, "one");
        assertThatThrownBy(() -> ImageBuilder.from(layout, "two").write(layout))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("\"two\"").hasMessageContaining("one");
    }

    @Test
    void aMultiPlatformImageIsAnIndexWithOneManifestPerPlatform() throws IOException {
        ImageLayout layout = ImageLayout.create(tmp.resolve("l"));
        Platform arm64 = Platform.parse("linux/arm64/v8");
        BuiltIndex index = MultiPlatformBuilder.create()
                .add(simple())
                .add(ImageBuilder.fromScratch().platform(arm64).sourceDateEpoch(EPOCH).addLayer(rootfs))
                .writeTo(layout, "multi");
        assertThat(index.index().manifests()).extracting(d -> d.platform().orElseThrow().format())
                .containsExactly("linux/amd64", "linux/arm64/v8");
        Descriptor entry = layout.resolve("multi").orElseThrow();
        assertThat(entry.mediaType()).contains(MediaType.OCI_INDEX);
        assertThat(layout.resolveManifest("multi", arm64)).contains(index.index().manifests().get(1));
        assertThat(layout.verify().problems()).isEmpty();

        Path unpacked = tmp.resolve("unpacked");
        ImageUnpacker.unpack(layout, entry, arm64, unpacked);
        assertThat(unpacked.resolve("etc/os-release")).hasContent("NAME=test");

        assertThatThrownBy(() -> ImageUnpacker.unpack(layout, entry, Platform.parse("linux/s390x"), tmp.resolve("x")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("linux/s390x")
                .hasMessageContaining("linux/amd64, linux/arm64/v8");
        assertThatThrownBy(() -> MultiPlatformBuilder.create().add(simple()).add(simple()).writeTo(layout, "dup"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("linux/amd64");
    }

    @Test
    void anArtifactHasAnArtifactTypeTheEmptyConfigItsBlobsAndASubject() throws IOException {
        ImageLayout layout = ImageLayout.create(tmp.resolve("l"));
        BuiltImage image = simple().writeTo(layout, "v1");
        Path sbom = Files.writeString(tmp.resolve("sbom.json"), "{\"spdxVersion\":\"SPDX-2.3\"}");
        MediaType spdx = MediaType.of("application/spdx+json");
        BuiltArtifact artifact = ArtifactBuilder.create(spdx).addFile(sbom, spdx)
                .subject(image.manifestDescriptor()).writeTo(layout, "v1-sbom");

        assertThat(artifact.manifest().artifactType()).contains(spdx);
        assertThat(artifact.manifest().config()).isEqualTo(Descriptor.EMPTY);
        assertThat(artifact.manifest().layers()).singleElement().satisfies(l -> {
            assertThat(l.mediaType()).contains(spdx);
            assertThat(l.annotations()).containsEntry(Annotations.TITLE, "sbom.json");
        });
        Descriptor subject = artifact.manifest().subject().orElseThrow();
        assertThat(subject.digest()).isEqualTo(image.digest());
        assertThat(subject.platform()).isEmpty();
        assertThat(subject.annotations()).isEmpty();
        assertThat(artifact.manifestDescriptor().artifactType()).contains(spdx);
        assertThat(layout.hasBlob(Descriptor.EMPTY.digest())).isTrue();
        assertThat(layout.verify().problems()).isEmpty();
    }

    @Test
    void anArtifactWithoutBlobsListsTheEmptyDescriptorAsItsLayer() throws IOException {
        ImageLayout layout = ImageLayout.create(tmp.resolve("l"));
        BuiltArtifact a = ArtifactBuilder.create(MediaType.of("application/vnd.example.marker")).write(layout);
        assertThat(a.manifest().layers()).containsExactly(Descriptor.EMPTY);
        assertThat(layout.readManifest(a.manifestDescriptor()).value()).isEqualTo(a.manifest());
    }

    @Test
    void unpackingAnArtifactSaysItIsNotARunnableImage() throws IOException {
        ImageLayout layout = ImageLayout.create(tmp.resolve("l"));
        BuiltArtifact a = ArtifactBuilder.create(MediaType.of("application/vnd.example.marker")).writeTo(layout, "m");
        assertThatThrownBy(() -> ImageUnpacker.unpack(layout, a.manifestDescriptor(), AMD64, tmp.resolve("x")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a runnable image")
                .hasMessageContaining("application/vnd.example.marker");
    }

    @Test
    void everythingTheBuildersWritePassesTheOfficialSchemas() throws IOException {
        ImageLayout layout = ImageLayout.create(tmp.resolve("l"));
        BuiltImage base = simple().entrypoint("/bin/tool").env("A", "1").exposedPort("80").volume("/v")
                .label("org.example.k", "v").annotation(Annotations.TITLE, "t").addHistory("configure").writeTo(layout, "base");
        BuiltImage app = ImageBuilder.from(layout, "base").sourceDateEpoch(EPOCH).addLayer(rootfs).writeTo(layout, "app");
        BuiltIndex index = MultiPlatformBuilder.create().add(simple())
                .add(ImageBuilder.fromScratch().platform(Platform.parse("linux/arm/v7")).addLayer(rootfs))
                .annotation(Annotations.VERSION, "1").writeTo(layout, "multi");
        BuiltArtifact artifact = ArtifactBuilder.create(MediaType.of("application/vnd.example.sig"))
                .addBlob(new byte[] {1, 2}, MediaType.of("application/octet-stream"), Map.of())
                .subject(app.manifestDescriptor()).writeTo(layout, "sig");
        for (BuiltImage image : List.of(base, app, index.images().get(0), index.images().get(1))) {
            ImageSchemas.assertValid(DocumentKind.MANIFEST, layout.readBlobBytes(image.digest(), -1));
            ImageSchemas.assertValid(DocumentKind.CONFIGURATION, layout.readBlobBytes(image.configDescriptor().digest(), -1));
        }
        ImageSchemas.assertValid(DocumentKind.INDEX, layout.readBlobBytes(index.digest(), -1));
        ImageSchemas.assertValid(DocumentKind.MANIFEST, layout.readBlobBytes(artifact.digest(), -1));
        ImageSchemas.assertValid(DocumentKind.INDEX, Files.readAllBytes(layout.root().resolve("index.json")));
        assertThat(layout.verify().problems()).isEmpty();
    }

    static List<TarArchiveEntry> tarEntries(ImageLayout layout, Descriptor layer) throws IOException {
        List<TarArchiveEntry> out = new ArrayList<>();
        Compression c = layer.mediaType().orElseThrow().value().endsWith("zstd") ? Compression.ZSTD
                : layer.mediaType().get().value().endsWith("gzip") ? Compression.GZIP : Compression.NONE;
        try (InputStream in = c.decompress(layout.readBlob(layer));
                TarArchiveInputStream tar = new TarArchiveInputStream(in)) {
            for (TarArchiveEntry e; (e = tar.getNextEntry()) != null; ) {
                out.add(e);
            }
        }
        return out;
    }
}
