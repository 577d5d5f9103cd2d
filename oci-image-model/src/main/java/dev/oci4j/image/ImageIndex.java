package dev.oci4j.image;

import com.fasterxml.jackson.databind.JsonNode;
import dev.oci4j.internal.json.JsonFields;
import dev.oci4j.internal.json.JsonObjectWriter;
import java.util.ArrayList;
import java.util.Collection;
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

    /** {@return a builder with schemaVersion 2, the OCI index media type and no manifests} */
    public static Builder builder() {
        return new Builder();
    }

    /** {@return the {@code schemaVersion}} REQUIRED, MUST be 2; 0 only when a parsed document lacked it. */
    public int schemaVersion() {
        return schemaVersion == null ? 0 : schemaVersion;
    }

    /**
     * {@return the {@code mediaType}} SHOULD be {@code application/vnd.oci.image.index.v1+json}; empty when absent.
     */
    public Optional<MediaType> mediaType() {
        return Optional.ofNullable(Values.mediaType(mediaType));
    }

    /** {@return the type of an artifact when the index describes one} OPTIONAL. */
    public Optional<MediaType> artifactType() {
        return Optional.ofNullable(Values.mediaType(artifactType));
    }

    /**
     * {@return the referenced manifests and indexes, in document order} REQUIRED (may be empty); empty
     * too when a parsed document lacked the array, which is then written back without it (the validator
     * reports the absence).
     */
    public List<Descriptor> manifests() {
        return manifests == null ? List.of() : manifests;
    }

    /** {@return the manifest this index refers to (the referrers API)} OPTIONAL. */
    public Optional<Descriptor> subject() {
        return Optional.ofNullable(subject);
    }

    /** {@return arbitrary metadata, keys sorted} OPTIONAL. */
    public Map<String, String> annotations() {
        return annotations;
    }

    /** {@return members this model does not know, as raw JSON text, in document order} */
    public Map<String, String> extensions() {
        return extensions;
    }

    /**
     * The first entry whose platform {@link Platform#matches satisfies} {@code wanted}: image-index.md
     * says the first match should win when several entries fit.
     *
     * @param wanted the platform wanted
     * @return the first matching entry, or empty when none matches (entries without a platform never do)
     * @throws NullPointerException if {@code wanted} is null
     */
    public Optional<Descriptor> firstMatching(Platform wanted) {
        Objects.requireNonNull(wanted, "wanted");
        return manifests().stream()
                .filter(d -> d.platform().map(wanted::matches).orElse(false))
                .findFirst();
    }

    /** {@return a builder holding this {@code ImageIndex}'s values} */
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

        /**
         * Sets {@code schemaVersion}; 2 by default, the only value the spec allows (for compatibility with Docker).
         *
         * @param schemaVersion the version
         * @return this builder
         */
        public Builder schemaVersion(int schemaVersion) {
            this.schemaVersion = schemaVersion;
            return this;
        }

        /**
         * The index's own media type, such as the Docker manifest list type.
         *
         * @param mediaType the media type, by default {@link MediaType#OCI_INDEX}
         * @return this builder
         */
        public Builder mediaType(MediaType mediaType) {
            this.mediaType = Objects.requireNonNull(mediaType, "mediaType").value();
            return this;
        }

        /**
         * Leaves {@code mediaType} out (the validator warns: it SHOULD be set).
         *
         * @return this builder
         */
        public Builder clearMediaType() {
            this.mediaType = null;
            return this;
        }

        /**
         * Sets {@code artifactType} (image-index.md): the type of an artifact this document describes.
         *
         * @param artifactType the artifact's media type
         * @return this builder
         */
        public Builder artifactType(MediaType artifactType) {
            this.artifactType = Objects.requireNonNull(artifactType, "artifactType").value();
            return this;
        }

        /**
         * Leaves {@code artifactType} out.
         *
         * @return this builder
         */
        public Builder clearArtifactType() {
            this.artifactType = null;
            return this;
        }

        /**
         * Replaces {@code manifests}: the descriptors of the manifests and indexes listed.
         *
         * @param manifests the entries, copied
         * @return this builder
         * @throws NullPointerException if {@code manifests} is or holds null, naming the index
         */
        public Builder manifests(Collection<? extends Descriptor> manifests) {
            this.manifests = Values.list(manifests, "manifests");
            return this;
        }

        /**
         * Appends one entry.
         *
         * @param manifest the entry's descriptor, usually with a {@code platform}
         * @return this builder
         */
        public Builder addManifest(Descriptor manifest) {
            this.manifests = Values.add(manifests, manifest, "manifest");
            return this;
        }

        /**
         * Empties {@code manifests} (written as {@code []}, as Go writes it).
         *
         * @return this builder
         */
        public Builder clearManifests() {
            this.manifests = List.of();
            return this;
        }

        /**
         * Sets {@code subject} (image-index.md): the manifest this one refers to, found through the referrers API.
         *
         * @param subject the descriptor of the manifest referred to
         * @return this builder
         */
        public Builder subject(Descriptor subject) {
            this.subject = Objects.requireNonNull(subject, "subject");
            return this;
        }

        /**
         * Leaves {@code subject} out.
         *
         * @return this builder
         */
        public Builder clearSubject() {
            this.subject = null;
            return this;
        }

        /**
         * Replaces {@code annotations} (image-index.md, annotations.md); keys are written sorted.
         *
         * @param annotations the annotations, copied
         * @return this builder
         * @throws NullPointerException if {@code annotations} is null or holds a null key or value
         */
        public Builder annotations(Map<String, String> annotations) {
            this.annotations = Values.map(annotations, "annotations");
            return this;
        }

        /**
         * Adds or replaces one annotation.
         *
         * @param key the annotation key, such as {@code org.opencontainers.image.created}
         * @param value the annotation value
         * @return this builder
         * @throws NullPointerException if an argument is null
         */
        public Builder putAnnotation(String key, String value) {
            this.annotations = Values.put(annotations, key, value, "annotations");
            return this;
        }

        /**
         * Removes one annotation, if present.
         *
         * @param key the annotation key
         * @return this builder
         */
        public Builder removeAnnotation(String key) {
            this.annotations = Values.remove(annotations, key, "annotations");
            return this;
        }

        /**
         * Removes every annotation; {@code annotations} is then left out.
         *
         * @return this builder
         */
        public Builder clearAnnotations() {
            this.annotations = Map.of();
            return this;
        }

        /**
         * Unknown members as raw JSON text, written after the known ones.
         *
         * @param extensions the unknown members by key, each value one JSON value as text
         * @return this builder
         * @throws IllegalArgumentException when a key is a member {@code ImageIndex} maps, or a value is not JSON
         */
        public Builder extensions(Map<String, String> extensions) {
            this.extensions = Values.extensions(extensions, KNOWN);
            return this;
        }

        /**
         * Adds or replaces one unknown member; {@code rawJson} is one JSON value.
         *
         * @param key the member's key
         * @param rawJson the member's value as JSON text
         * @return this builder
         * @throws IllegalArgumentException when {@code key} is a member {@code ImageIndex} maps, or {@code rawJson} is not JSON
         */
        public Builder putExtension(String key, String rawJson) {
            this.extensions = Values.putExtension(extensions, key, rawJson, KNOWN);
            return this;
        }

        /**
         * Removes one unknown member, if present.
         *
         * @param key the member's key
         * @return this builder
         */
        public Builder removeExtension(String key) {
            this.extensions = Values.remove(extensions, key, "extensions");
            return this;
        }

        /**
         * Removes every unknown member.
         *
         * @return this builder
         */
        public Builder clearExtensions() {
            this.extensions = Map.of();
            return this;
        }

        /** {@return the index} */
        public ImageIndex build() {
            return new ImageIndex(schemaVersion, mediaType, artifactType, manifests, subject, annotations,
                    extensions);
        }
    }
}
