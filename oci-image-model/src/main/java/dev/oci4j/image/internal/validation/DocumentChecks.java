package dev.oci4j.image.internal.validation;

import dev.oci4j.image.Descriptor;
import dev.oci4j.image.ExecutionConfig;
import dev.oci4j.image.History;
import dev.oci4j.image.ImageConfiguration;
import dev.oci4j.image.ImageIndex;
import dev.oci4j.image.ImageManifest;
import dev.oci4j.image.MediaType;
import dev.oci4j.internal.validation.Findings;
import dev.oci4j.internal.validation.Rule;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The cross-field rules of manifests, indexes and image configurations, in plain Java. */
final class DocumentChecks {

    @SuppressWarnings("deprecation")
    private static final Set<MediaType> PORTABLE_LAYERS = Set.of(MediaType.OCI_LAYER_TAR,
            MediaType.OCI_LAYER_TAR_GZIP, MediaType.OCI_LAYER_TAR_ZSTD, MediaType.OCI_LAYER_NONDISTRIBUTABLE_TAR,
            MediaType.OCI_LAYER_NONDISTRIBUTABLE_TAR_GZIP, MediaType.OCI_LAYER_NONDISTRIBUTABLE_TAR_ZSTD);
    @SuppressWarnings("deprecation")
    private static final Set<MediaType> DEPRECATED_LAYERS = Set.of(MediaType.OCI_LAYER_NONDISTRIBUTABLE_TAR,
            MediaType.OCI_LAYER_NONDISTRIBUTABLE_TAR_GZIP, MediaType.OCI_LAYER_NONDISTRIBUTABLE_TAR_ZSTD);

    private DocumentChecks() {
    }

    static void manifest(ImageManifest m, Findings findings) {
        checkDocumentType(m.mediaType(), MediaType.OCI_MANIFEST, MediaType.DOCKER_MANIFEST, Rules.MANIFEST_MEDIA_TYPE_MISSING,
                Rules.MANIFEST_MEDIA_TYPE_MISMATCH, "an image manifest", findings);
        Descriptor config = m.config();
        if (config != null) {
            DescriptorChecks.check(config, "/config", findings);
            boolean emptyConfig = config.mediaType().filter(MediaType.OCI_EMPTY::equals).isPresent();
            if (emptyConfig && m.artifactType().isEmpty()) {
                findings.add(Rules.MANIFEST_ARTIFACT_TYPE_REQUIRED, "/artifactType", "config is the empty"
                        + " descriptor (" + MediaType.OCI_EMPTY + "), so artifactType must say what the artifact is;"
                        + " found no artifactType");
            }
        }
        List<Descriptor> layers = m.layers();
        if (layers.isEmpty()) {
            findings.add(Rules.MANIFEST_LAYERS_EMPTY, "/layers", "for portability layers should have at least"
                    + " one entry (the empty descriptor for artifacts without content), found none");
        }
        boolean image = config != null && config.mediaType().filter(MediaType.OCI_CONFIG::equals).isPresent();
        for (int i = 0; i < layers.size(); i++) {
            Descriptor layer = layers.get(i);
            String at = "/layers/" + i;
            DescriptorChecks.check(layer, at, findings);
            Optional<MediaType> type = layer.mediaType();
            if (type.isEmpty()) {
                continue;
            }
            if (DEPRECATED_LAYERS.contains(type.get())) {
                findings.add(Rules.MANIFEST_LAYER_DEPRECATED, at + "/mediaType", "non-distributable layer types are"
                        + " deprecated, found " + type.get());
            } else if (image && !PORTABLE_LAYERS.contains(type.get())) {
                findings.add(Rules.MANIFEST_LAYER_NONPORTABLE, at + "/mediaType", "an image manifest concerned with"
                        + " portability should use an OCI layer type (application/vnd.oci.image.layer.v1.tar,"
                        + " +gzip, +zstd), found " + type.get());
            }
        }
        m.subject().ifPresent(s -> DescriptorChecks.check(s, "/subject", findings));
        AnnotationChecks.check(m.annotations(), "/annotations", findings);
    }

    static void index(ImageIndex index, Findings findings) {
        checkDocumentType(index.mediaType(), MediaType.OCI_INDEX, MediaType.DOCKER_MANIFEST_LIST, Rules.INDEX_MEDIA_TYPE_MISSING,
                Rules.INDEX_MEDIA_TYPE_MISMATCH, "an image index", findings);
        List<Descriptor> manifests = index.manifests();
        for (int i = 0; i < manifests.size(); i++) {
            Descriptor entry = manifests.get(i);
            String at = "/manifests/" + i;
            DescriptorChecks.check(entry, at, findings);
            // descriptor.md: descriptors of image manifests SHOULD carry a platform (a Docker manifest
            // list's entries MUST). An artifact (artifactType set) is not platform-specific, so it is
            // spared the warning.
            if (entry.platform().isEmpty() && entry.artifactType().isEmpty()
                    && entry.mediaType().filter(MediaType::isManifest).isPresent()) {
                findings.add(Rules.INDEX_PLATFORM_MISSING, at, "an index entry pointing at an image manifest"
                        + " should have a platform, found none");
            }
        }
        index.subject().ifPresent(s -> DescriptorChecks.check(s, "/subject", findings));
        AnnotationChecks.check(index.annotations(), "/annotations", findings);
    }

    static void configuration(ImageConfiguration c, Findings findings) {
        String arch = c.architecture();
        if (arch != null && !arch.isBlank() && !Grammars.GOARCH.contains(arch)) {
            findings.add(Rules.CONFIG_ARCHITECTURE_UNKNOWN, "/architecture",
                    "expected a GOARCH value such as amd64 or arm64, found \"" + arch + "\"");
        }
        String os = c.os();
        if (os != null && !os.isBlank() && !Grammars.GOOS.contains(os)) {
            findings.add(Rules.CONFIG_OS_UNKNOWN, "/os", "expected a GOOS value such as linux or windows, found \""
                    + os + "\"");
        }
        execution(c.config(), findings);
        List<History> history = c.history();
        // Without rootfs (or its type) the config is already in error and there is nothing to count.
        if (!history.isEmpty() && !c.rootfs().type().isEmpty()) {
            long layers = history.stream().filter(h -> !h.emptyLayer()).count();
            int diffIds = c.rootfs().diffIds().size();
            if (layers != diffIds) {
                findings.add(Rules.CONFIG_HISTORY_LAYER_COUNT, "/history", "history has " + layers
                        + " entries without empty_layer, but rootfs.diff_ids has " + diffIds + " layers");
            }
        }
    }

    private static void execution(ExecutionConfig exec, Findings findings) {
        for (String port : exec.exposedPorts()) {
            if (!Grammars.isExposedPort(port)) {
                findings.add(Rules.CONFIG_EXPOSED_PORT_FORMAT, "/config/ExposedPorts/" + escape(port),
                        "expected port/tcp, port/udp or port (1-65535), found \"" + port + "\"");
            }
        }
        AnnotationChecks.check(exec.labels(), "/config/Labels", findings);
    }

    /**
     * The document's own mediaType: the OCI one, or its Docker v2 schema 2 counterpart, which is a valid
     * document of its own kind (registries serve them, and a pull stores them byte for byte, since
     * rewriting one would change its digest).
     */
    private static void checkDocumentType(Optional<MediaType> found, MediaType expected, MediaType docker,
            Rule missing, Rule mismatch, String what, Findings findings) {
        if (found.isEmpty()) {
            findings.add(missing, "/mediaType", "mediaType should be set to " + expected + ", found none");
        } else if (!found.get().equals(expected) && !found.get().equals(docker)) {
            findings.add(mismatch, "/mediaType", what + " must have mediaType " + expected + " (or Docker's "
                    + docker + "), found " + found.get());
        }
    }

    private static String escape(String token) {
        return token.replace("~", "~0").replace("/", "~1");
    }
}
