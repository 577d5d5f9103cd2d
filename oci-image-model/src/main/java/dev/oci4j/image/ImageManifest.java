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

    /** A builder with schemaVersion 2 and the OCI manifest media type set. */
    public static Builder builder() {
        return new Builder();
    }

    /** REQUIRED, MUST be 2; 0 only when a parsed document lacked it. */
    public int schemaVersion() {
        return schemaVersion == null ? 0 : schemaVersion;
    }

    /** SHOULD be {@code application/vnd.oci.image.manifest.v1+json}. */
    public Optional<MediaType> mediaType() {
        return Optional.ofNullable(Values.mediaType(mediaType));
    }

    /** The artifact's type; MUST be set when config is the empty descriptor. */
    public Optional<MediaType> artifactType() {
        return Optional.ofNullable(Values.mediaType(artifactType));
    }

    /** REQUIRED. The configuration object (or, for artifacts, any blob or the empty descriptor). */
    public Descriptor config() {
        return config;
    }

    /** REQUIRED (may be empty). The layers, base first; empty too when a parsed document
     * lacked the array, which is then written back without it (the validator reports the absence). */
    public List<Descriptor> layers() {
        return layers == null ? List.of() : layers;
    }

    /** OPTIONAL. The manifest this one refers to (the referrers API). */
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
     * The type a registry reports for this manifest in the referrers API (manifest.md
     * "Guidelines for Artifact Usage"): artifactType when set, else config's media type.
     */
    public Optional<MediaType> effectiveArtifactType() {
        return artifactType().or(config::mediaType);
    }

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

        public Builder schemaVersion(int schemaVersion) {
            this.schemaVersion = schemaVersion;
            return this;
        }

        /** The manifest's own media type, such as the Docker v2 schema 2 type. */
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

        public Builder config(Descriptor config) {
            this.config = Objects.requireNonNull(config, "config");
            return this;
        }

        public Builder layers(List<Descriptor> layers) {
            this.layers = Values.list(layers, "layers");
            return this;
        }

        /** Appends one layer on top of the others. */
        public Builder addLayer(Descriptor layer) {
            List<Descriptor> copy = new ArrayList<>(layers == null ? List.of() : layers);
            copy.add(Objects.requireNonNull(layer, "layer"));
            this.layers = List.copyOf(copy);
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

        public ImageManifest build() {
            Objects.requireNonNull(config, "config is required");
            return new ImageManifest(schemaVersion, mediaType, artifactType, config, layers, subject, annotations,
                    extensions);
        }
    }
}
