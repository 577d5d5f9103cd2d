package dev.oci4j.image;

import com.fasterxml.jackson.databind.JsonNode;
import dev.oci4j.internal.json.JsonFields;
import dev.oci4j.internal.json.JsonObjectWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * An image index (image-spec image-index.md): a list of manifests (or nested indexes), typically one
 * per platform; also the {@code index.json} of an image layout and the shape of a Docker manifest list.
 *
 * <pre>{@code
 * {"schemaVersion": 2, "mediaType": "application/vnd.oci.image.index.v1+json",
 *  "manifests": [{"mediaType": "...manifest.v1+json", "digest": "sha256:...", "size": 7143,
 *                 "platform": {"architecture": "ppc64le", "os": "linux"}}]}
 * Optional<Descriptor> d = index.firstMatching(Platform.parse("linux/arm64"));
 * }</pre>
 */
public final class ImageIndex {

    /** The members this model maps; an extension may not reuse them. */
    private static final java.util.Set<String> KNOWN = java.util.Set.of("schemaVersion", "mediaType", "artifactType", "manifests", "subject", "annotations");

    private final Integer schemaVersion;
    private final String mediaType;
    private final String artifactType;
    private final List<Descriptor> manifests;
    private final Descriptor subject;
    private final Map<String, String> annotations;
    private final Map<String, String> extensions;

    private ImageIndex(Integer schemaVersion, String mediaType, String artifactType, List<Descriptor> manifests,
            Descriptor subject, Map<String, String> annotations, Map<String, String> extensions) {
        this.schemaVersion = schemaVersion;
        this.mediaType = mediaType;
        this.artifactType = artifactType;
        this.manifests = manifests;
        this.subject = subject;
        this.annotations = annotations;
        this.extensions = extensions;
    }

    /** A builder with schemaVersion 2, the OCI index media type and no manifests. */
    public static Builder builder() {
        return new Builder();
    }

    /** REQUIRED, MUST be 2; 0 only when a parsed document lacked it. */
    public int schemaVersion() {
        return schemaVersion == null ? 0 : schemaVersion;
    }

    /** SHOULD be {@code application/vnd.oci.image.index.v1+json}. */
    public Optional<MediaType> mediaType() {
        return Optional.ofNullable(Values.mediaType(mediaType));
    }

    /** OPTIONAL. The type of an artifact when the index describes one. */
    public Optional<MediaType> artifactType() {
        return Optional.ofNullable(Values.mediaType(artifactType));
    }

    /** REQUIRED (may be empty). The referenced manifests and indexes, in document order; empty too when a parsed document
     * lacked the array, which is then written back without it (the validator reports the absence). */
    public List<Descriptor> manifests() {
        return manifests == null ? List.of() : manifests;
    }

    /** OPTIONAL. The manifest this index refers to (the referrers API). */
    public Optional<Descriptor> subject() {
        return Optional.ofNullable(subject);
    }

    /** OPTIONAL. Arbitrary metadata, keys sorted. */
    public Map<String, String> annotations() {
        return annotations;
    }

    /** Members this model does not know, as raw JSON text, in document order. */
    public Map<String, String> extensions() {
        return extensions;
    }

    /**
     * The first entry whose platform {@link Platform#matches satisfies} {@code wanted}: image-index.md
     * says the first match should win when several entries fit.
     */
    public Optional<Descriptor> firstMatching(Platform wanted) {
        Objects.requireNonNull(wanted, "wanted");
        return manifests().stream()
                .filter(d -> d.platform().map(wanted::matches).orElse(false))
                .findFirst();
    }

    public Builder toBuilder() {
        Builder b = new Builder();
        b.schemaVersion = schemaVersion;
        b.mediaType = mediaType;
        b.artifactType = artifactType;
        b.manifests = manifests;
        b.subject = subject;
        b.annotations = annotations;
        b.extensions = extensions;
        return b;
    }

    static ImageIndex read(JsonFields f) {
        return new ImageIndex(
                f.intValue("schemaVersion").orElse(null),
                f.omitemptyString("mediaType").orElse(null),
                f.omitemptyString("artifactType").orElse(null),
                f.has("manifests") ? f.objectList("manifests", Descriptor::read) : null,
                f.object("subject", Descriptor::read).orElse(null),
                JsonFields.sorted(f.stringMap("annotations")),
                f.unknown());
    }

    JsonNode toJson() {
        JsonObjectWriter w = new JsonObjectWriter();
        if (schemaVersion != null) {
            w.put("schemaVersion", schemaVersion.longValue());
        }
        return w.putIfNotEmpty("mediaType", mediaType)
                .putIfNotEmpty("artifactType", artifactType)
                .putObjectsUnlessAbsent("manifests", manifests, Descriptor::toJson)
                .putObjectIfPresent("subject", Optional.ofNullable(subject), Descriptor::toJson)
                .putIfNotEmpty("annotations", annotations)
                .extensions(extensions)
                .node();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ImageIndex i && Objects.equals(i.schemaVersion, schemaVersion)
                && Objects.equals(i.mediaType, mediaType) && Objects.equals(i.artifactType, artifactType)
                && Objects.equals(i.manifests, manifests) && Objects.equals(i.subject, subject)
                && i.annotations.equals(annotations) && i.extensions.equals(extensions);
    }

    @Override
    public int hashCode() {
        return Objects.hash(schemaVersion, mediaType, artifactType, manifests, subject, annotations, extensions);
    }

    @Override
    public String toString() {
        return "ImageIndex{schemaVersion=" + schemaVersion + ", mediaType=" + mediaType
                + (artifactType == null ? "" : ", artifactType=" + artifactType)
                + ", manifests=" + manifests
                + (subject == null ? "" : ", subject=" + subject)
                + (annotations.isEmpty() ? "" : ", annotations=" + annotations)
                + (extensions.isEmpty() ? "" : ", extensions=" + extensions.keySet()) + "}";
    }

    /** Builds an {@link ImageIndex}. */
    public static final class Builder {
        private Integer schemaVersion = 2;
        private String mediaType = MediaType.OCI_INDEX.value();
        private String artifactType;
        private List<Descriptor> manifests = List.of();
        private Descriptor subject;
        private Map<String, String> annotations = Map.of();
        private Map<String, String> extensions = Map.of();

        private Builder() {
        }

        public Builder schemaVersion(int schemaVersion) {
            this.schemaVersion = schemaVersion;
            return this;
        }

        /** The index's own media type, such as the Docker manifest list type. */
        public Builder mediaType(MediaType mediaType) {
            this.mediaType = Objects.requireNonNull(mediaType, "mediaType").value();
            return this;
        }

        public Builder clearMediaType() {
            this.mediaType = null;
            return this;
        }

        public Builder artifactType(MediaType artifactType) {
            this.artifactType = Objects.requireNonNull(artifactType, "artifactType").value();
            return this;
        }

        public Builder clearArtifactType() {
            this.artifactType = null;
            return this;
        }

        public Builder manifests(List<Descriptor> manifests) {
            this.manifests = Values.list(manifests, "manifests");
            return this;
        }

        /** Appends one entry. */
        public Builder addManifest(Descriptor manifest) {
            List<Descriptor> copy = new ArrayList<>(manifests == null ? List.of() : manifests);
            copy.add(Objects.requireNonNull(manifest, "manifest"));
            this.manifests = List.copyOf(copy);
            return this;
        }

        public Builder subject(Descriptor subject) {
            this.subject = Objects.requireNonNull(subject, "subject");
            return this;
        }

        public Builder clearSubject() {
            this.subject = null;
            return this;
        }

        public Builder annotations(Map<String, String> annotations) {
            this.annotations = Values.map(annotations, "annotations");
            return this;
        }

        /** Adds or replaces one annotation. */
        public Builder annotation(String key, String value) {
            Map<String, String> copy = new java.util.TreeMap<>(annotations);
            copy.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, "value"));
            this.annotations = Values.map(copy, "annotations");
            return this;
        }

        /** Unknown members as raw JSON text, written after the known ones. */
        public Builder extensions(Map<String, String> extensions) {
            this.extensions = Values.extensions(extensions, KNOWN);
            return this;
        }

        public ImageIndex build() {
            return new ImageIndex(schemaVersion, mediaType, artifactType, manifests, subject, annotations,
                    extensions);
        }
    }
}
