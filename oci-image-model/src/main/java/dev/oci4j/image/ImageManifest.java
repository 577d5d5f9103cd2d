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
 * An image manifest (image-spec manifest.md): a configuration and an ordered list of layers, base
 * first; with {@code artifactType} and an empty config it describes an artifact; {@code subject}
 * makes it a referrer of another manifest. Docker v2 schema 2 manifests read the same way.
 *
 * <pre>{@code
 * {"schemaVersion": 2, "mediaType": "application/vnd.oci.image.manifest.v1+json",
 *  "config": {...descriptor...}, "layers": [{...descriptor...}]}
 * ImageManifest m = ImageManifest.builder().config(configDescriptor).layers(List.of(layer)).build();
 * }</pre>
 */
public final class ImageManifest {

    /** The members this model maps; an extension may not reuse them. */
    private static final java.util.Set<String> KNOWN = java.util.Set.of("schemaVersion", "mediaType", "artifactType", "config", "layers", "subject", "annotations");

    private final Integer schemaVersion;
    private final String mediaType;
    private final String artifactType;
    private final Descriptor config;
    private final List<Descriptor> layers;
    private final Descriptor subject;
    private final Map<String, String> annotations;
    private final Map<String, String> extensions;

    private ImageManifest(Integer schemaVersion, String mediaType, String artifactType, Descriptor config,
            List<Descriptor> layers, Descriptor subject, Map<String, String> annotations,
            Map<String, String> extensions) {
        this.schemaVersion = schemaVersion;
        this.mediaType = mediaType;
        this.artifactType = artifactType;
        this.config = config;
        this.layers = layers;
        this.subject = subject;
        this.annotations = annotations;
        this.extensions = extensions;
    }

    /** {@return a builder with schemaVersion 2 and the OCI manifest media type set} */
    public static Builder builder() {
        return new Builder();
    }

    /** {@return the {@code schemaVersion}} REQUIRED, MUST be 2; 0 only when a parsed document lacked it. */
    public int schemaVersion() {
        return schemaVersion == null ? 0 : schemaVersion;
    }

    /**
     * {@return the {@code mediaType}} SHOULD be {@code application/vnd.oci.image.manifest.v1+json}; empty when absent.
     */
    public Optional<MediaType> mediaType() {
        return Optional.ofNullable(Values.mediaType(mediaType));
    }

    /** {@return the artifact's type; MUST be set when config is the empty descriptor} */
    public Optional<MediaType> artifactType() {
        return Optional.ofNullable(Values.mediaType(artifactType));
    }

    /** {@return the configuration object (or, for artifacts, any blob or the empty descriptor)} REQUIRED. */
    public Descriptor config() {
        return config;
    }

    /**
     * {@return the layers, base first} REQUIRED (may be empty); empty too when a parsed document lacked
     * the array, which is then written back without it (the validator reports the absence).
     */
    public List<Descriptor> layers() {
        return layers == null ? List.of() : layers;
    }

    /** {@return the manifest this one refers to (the referrers API)} OPTIONAL. */
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
     * {@return the type a registry reports for this manifest in the referrers API (manifest.md
     * "Guidelines for Artifact Usage"): artifactType when set, else config's media type}
     */
    public Optional<MediaType> effectiveArtifactType() {
        return artifactType().or(config::mediaType);
    }

    /** {@return a builder holding this {@code ImageManifest}'s values} */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.schemaVersion = schemaVersion;
        b.mediaType = mediaType;
        b.artifactType = artifactType;
        b.config = config;
        b.layers = layers;
        b.subject = subject;
        b.annotations = annotations;
        b.extensions = extensions;
        return b;
    }

    static ImageManifest read(JsonFields f) {
        return new ImageManifest(
                f.intValue("schemaVersion").orElse(null),
                f.omitemptyString("mediaType").orElse(null),
                f.omitemptyString("artifactType").orElse(null),
                f.requiredObject("config", Descriptor::read),
                f.has("layers") ? f.objectList("layers", Descriptor::read) : null,
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
                .put("config", config.toJson())
                .putObjectsUnlessAbsent("layers", layers, Descriptor::toJson)
                .putObjectIfPresent("subject", Optional.ofNullable(subject), Descriptor::toJson)
                .putIfNotEmpty("annotations", annotations)
                .extensions(extensions)
                .node();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ImageManifest m && Objects.equals(m.schemaVersion, schemaVersion)
                && Objects.equals(m.mediaType, mediaType) && Objects.equals(m.artifactType, artifactType)
                && m.config.equals(config) && Objects.equals(m.layers, layers) && Objects.equals(m.subject, subject)
                && m.annotations.equals(annotations) && m.extensions.equals(extensions);
    }

    @Override
    public int hashCode() {
        return Objects.hash(schemaVersion, mediaType, artifactType, config, layers, subject, annotations, extensions);
    }

    @Override
    public String toString() {
        return "ImageManifest{schemaVersion=" + schemaVersion + ", mediaType=" + mediaType
                + (artifactType == null ? "" : ", artifactType=" + artifactType)
                + ", config=" + config + ", layers=" + layers
                + (subject == null ? "" : ", subject=" + subject)
                + (annotations.isEmpty() ? "" : ", annotations=" + annotations)
                + (extensions.isEmpty() ? "" : ", extensions=" + extensions.keySet()) + "}";
    }

    /** Builds an {@link ImageManifest}; config is required. */
    public static final class Builder {
        private Integer schemaVersion = 2;
        private String mediaType = MediaType.OCI_MANIFEST.value();
        private String artifactType;
        private Descriptor config;
        private List<Descriptor> layers = List.of();
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
         * The manifest's own media type, such as the Docker v2 schema 2 type.
         *
         * @param mediaType the media type, by default {@link MediaType#OCI_MANIFEST}
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
         * Sets {@code artifactType} (manifest.md): the type of an artifact this document describes.
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
         * Sets {@code config} (REQUIRED): the image configuration's descriptor, or for an artifact any blob
         * or {@link Descriptor#EMPTY}.
         *
         * @param config the descriptor
         * @return this builder
         */
        public Builder config(Descriptor config) {
            this.config = Objects.requireNonNull(config, "config");
            return this;
        }

        /**
         * Replaces {@code layers}: the layer descriptors, base first.
         *
         * @param layers the descriptors, copied
         * @return this builder
         * @throws NullPointerException if {@code layers} is or holds null, naming the index
         */
        public Builder layers(Collection<? extends Descriptor> layers) {
            this.layers = Values.list(layers, "layers");
            return this;
        }

        /**
         * Appends one layer on top of the others.
         *
         * @param layer the layer's descriptor
         * @return this builder
         */
        public Builder addLayer(Descriptor layer) {
            this.layers = Values.add(layers, layer, "layer");
            return this;
        }

        /**
         * Empties {@code layers} (written as {@code []}, as Go writes it).
         *
         * @return this builder
         */
        public Builder clearLayers() {
            this.layers = List.of();
            return this;
        }

        /**
         * Sets {@code subject} (manifest.md): the manifest this one refers to, found through the referrers API.
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
         * Replaces {@code annotations} (manifest.md, annotations.md); keys are written sorted.
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
         * @throws IllegalArgumentException when a key is a member {@code ImageManifest} maps, or a value is not JSON
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
         * @throws IllegalArgumentException when {@code key} is a member {@code ImageManifest} maps, or {@code rawJson} is not JSON
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

        /**
         * {@return the manifest}
         *
         * @throws IllegalStateException if {@code config} was not set
         */
        public ImageManifest build() {
            Values.required(config, "ImageManifest", "config");
            return new ImageManifest(schemaVersion, mediaType, artifactType, config, layers, subject, annotations,
                    extensions);
        }
    }
}
