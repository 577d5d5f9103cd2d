package dev.oci4j.image;

import com.fasterxml.jackson.databind.JsonNode;
import dev.oci4j.internal.json.JsonFields;
import dev.oci4j.internal.json.JsonObjectWriter;
import dev.oci4j.validation.FormatReason;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A reference to content by media type, digest and size (image-spec descriptor.md), with optional
 * urls, annotations, embedded data, artifactType and, on index entries, platform.
 *
 * <pre>{@code
 * {"mediaType": "application/vnd.oci.image.manifest.v1+json",
 *  "digest": "sha256:5b0bcabd1ed22e9fb1310cf6c2dec7cdef19f0ad69efa1f392e94a4333501270", "size": 7682}
 * Descriptor d = Descriptor.of(MediaType.OCI_CONFIG, configBytes);
 * }</pre>
 */
public final class Descriptor {

    /** The members this model maps; an extension may not reuse them. */
    private static final java.util.Set<String> KNOWN = java.util.Set.of("mediaType", "digest", "size", "urls", "annotations", "data", "platform", "artifactType");

    /**
     * The empty descriptor (descriptor.md "Guidance for an Empty Descriptor"): the two bytes
     * {@code {}} of media type {@code application/vnd.oci.empty.v1+json}, with the data embedded.
     */
    public static final Descriptor EMPTY = builder()
            .mediaType(MediaType.OCI_EMPTY)
            .digest(Digest.parse("sha256:44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a"))
            .size(2)
            .data(new byte[] {'{', '}'})
            .build();

    private final String mediaType;
    private final Digest digest;
    private final long size;
    private final List<String> urls;
    private final Map<String, String> annotations;
    private final byte[] data;
    private final Platform platform;
    private final String artifactType;
    private final Map<String, String> extensions;

    private Descriptor(String mediaType, Digest digest, long size, List<String> urls, Map<String, String> annotations,
            byte[] data, Platform platform, String artifactType, Map<String, String> extensions) {
        this.mediaType = mediaType;
        this.digest = digest;
        this.size = size;
        this.urls = urls;
        this.annotations = annotations;
        this.data = data;
        this.platform = platform;
        this.artifactType = artifactType;
        this.extensions = extensions;
    }

    /** {@return an empty builder} */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The descriptor of {@code content}: its sha256 digest and length, with this media type.
     *
     * @param mediaType the content's media type
     * @param content the content
     * @return the descriptor
     * @throws NullPointerException if an argument is null
     */
    public static Descriptor of(MediaType mediaType, byte[] content) {
        return builder().mediaType(mediaType).digest(Digest.sha256(content)).size(content.length).build();
    }

    /**
     * The descriptor of content already measured.
     *
     * @param mediaType the content's media type
     * @param digest the content's digest
     * @param size the content's length in bytes
     * @return the descriptor
     * @throws NullPointerException if {@code mediaType} or {@code digest} is null
     * @throws IllegalArgumentException if {@code size} is negative
     */
    public static Descriptor of(MediaType mediaType, Digest digest, long size) {
        return builder().mediaType(mediaType).digest(digest).size(size).build();
    }

    /**
     * {@return the media type of the referenced content; empty only when a parsed document lacked it} REQUIRED.
     */
    public Optional<MediaType> mediaType() {
        return Optional.ofNullable(Values.mediaType(mediaType));
    }

    /** {@return the digest of the referenced content} REQUIRED. */
    public Digest digest() {
        return digest;
    }

    /**
     * {@return the size of the referenced content in bytes; MUST NOT be negative (a parsed document may be)} REQUIRED.
     */
    public long size() {
        return size;
    }

    /** {@return URIs from which the content may be downloaded, as written} OPTIONAL. */
    public List<String> urls() {
        return urls;
    }

    /** {@return arbitrary metadata, keys sorted} OPTIONAL. */
    public Map<String, String> annotations() {
        return annotations;
    }

    /** {@return the embedded content (a copy); base64 in JSON} OPTIONAL. It MUST match digest and size. */
    public Optional<byte[]> data() {
        return data == null ? Optional.empty() : Optional.of(data.clone());
    }

    /** {@return the platform of the referenced manifest; meant for index entries} OPTIONAL. */
    public Optional<Platform> platform() {
        return Optional.ofNullable(platform);
    }

    /** {@return the type of an artifact when the descriptor points to one} OPTIONAL. */
    public Optional<MediaType> artifactType() {
        return Optional.ofNullable(Values.mediaType(artifactType));
    }

    /** {@return members this model does not know, as raw JSON text, in document order} */
    public Map<String, String> extensions() {
        return extensions;
    }

    /** {@return whether digest, size and media type (and nothing else) equal those of {@link #EMPTY}} */
    public boolean isEmptyDescriptor() {
        return digest.equals(EMPTY.digest) && size == 2 && MediaType.OCI_EMPTY.value().equals(mediaType);
    }

    /** {@return a builder holding this {@code Descriptor}'s values} */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.mediaType = mediaType;
        b.digest = digest;
        b.size = size;
        b.sizeSet = true;
        b.urls = urls;
        b.annotations = annotations;
        b.data = data;
        b.platform = platform;
        b.artifactType = artifactType;
        b.extensions = extensions;
        return b;
    }

    /** Lenient: the validator reports what the spec forbids; only unrepresentable input throws. */
    static Descriptor read(JsonFields f) {
        String mediaType = f.string("mediaType").orElse(null);
        Digest digest = Values.digest(f, "digest", f.requiredString("digest"));
        long size = f.requiredLong("size");
        List<String> urls = f.stringList("urls");
        Map<String, String> annotations = JsonFields.sorted(f.stringMap("annotations"));
        byte[] data = f.string("data").map(text -> {
            // RFC 4648 section 4 pads to a multiple of 4; Go's decoder insists, Java's would not.
            if (text.length() % 4 != 0) {
                throw f.error(FormatReason.BAD_BASE64, "data", "expected base64 (RFC 4648 section 4) padded to a multiple of 4 characters, found "
                        + text.length() + " characters");
            }
            try {
                return Base64.getDecoder().decode(text);
            } catch (IllegalArgumentException e) {
                throw f.error(FormatReason.BAD_BASE64, "data", "expected base64 (RFC 4648), "
                        + e.getMessage());
            }
        }).orElse(null);
        Platform platform = f.object("platform", Platform::read).orElse(null);
        String artifactType = f.omitemptyString("artifactType").orElse(null);
        return new Descriptor(mediaType, digest, size, urls, annotations, data, platform, artifactType, f.unknown());
    }

    JsonNode toJson() {
        return new JsonObjectWriter()
                .putIfPresent("mediaType", Optional.ofNullable(mediaType))
                .put("digest", digest.toString())
                .put("size", size)
                .putStringsIfNotEmpty("urls", urls)
                .putIfNotEmpty("annotations", annotations)
                .putIfPresent("data", Optional.ofNullable(data).map(d -> Base64.getEncoder().encodeToString(d)))
                .putObjectIfPresent("platform", Optional.ofNullable(platform), Platform::toJson)
                .putIfNotEmpty("artifactType", artifactType)
                .extensions(extensions)
                .node();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Descriptor d && Objects.equals(d.mediaType, mediaType) && d.digest.equals(digest)
                && d.size == size && d.urls.equals(urls) && d.annotations.equals(annotations)
                && Arrays.equals(d.data, data) && Objects.equals(d.platform, platform)
                && Objects.equals(d.artifactType, artifactType) && d.extensions.equals(extensions);
    }

    @Override
    public int hashCode() {
        return Objects.hash(mediaType, digest, size, urls, annotations, Arrays.hashCode(data), platform,
                artifactType, extensions);
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder("Descriptor{");
        s.append(mediaType).append(' ').append(digest).append(" size=").append(size);
        if (artifactType != null) {
            s.append(" artifactType=").append(artifactType);
        }
        if (platform != null) {
            s.append(" platform=").append(platform.format());
        }
        if (!urls.isEmpty()) {
            s.append(" urls=").append(urls);
        }
        if (!annotations.isEmpty()) {
            s.append(" annotations=").append(annotations);
        }
        if (data != null) {
            s.append(" data=").append(data.length).append(" bytes");
        }
        if (!extensions.isEmpty()) {
            s.append(" extensions=").append(extensions.keySet());
        }
        return s.append('}').toString();
    }

    /** Builds a {@link Descriptor}; mediaType and digest are required, size must not be negative. */
    public static final class Builder {
        private String mediaType;
        private Digest digest;
        private long size;
        private boolean sizeSet;
        private List<String> urls = List.of();
        private Map<String, String> annotations = Map.of();
        private byte[] data;
        private Platform platform;
        private String artifactType;
        private Map<String, String> extensions = Map.of();

        private Builder() {
        }

        /**
         * Sets {@code mediaType} (REQUIRED): the media type of the referenced content.
         *
         * @param mediaType the media type
         * @return this builder
         */
        public Builder mediaType(MediaType mediaType) {
            this.mediaType = Objects.requireNonNull(mediaType, "mediaType").value();
            return this;
        }

        /**
         * Sets {@code digest} (REQUIRED): the digest of the referenced content.
         *
         * @param digest the digest
         * @return this builder
         */
        public Builder digest(Digest digest) {
            this.digest = Objects.requireNonNull(digest, "digest");
            return this;
        }

        /**
         * Sets {@code size} (REQUIRED): the length of the referenced content in bytes.
         *
         * @param size the length
         * @return this builder
         * @throws IllegalArgumentException if {@code size} is negative
         */
        public Builder size(long size) {
            if (size < 0) {
                throw new IllegalArgumentException("size must not be negative, was " + size);
            }
            this.size = size;
            this.sizeSet = true;
            return this;
        }

        /**
         * Replaces {@code urls}: URIs from which the content may be downloaded.
         *
         * @param urls the URIs, copied
         * @return this builder
         * @throws NullPointerException if {@code urls} is or holds null, naming the index
         */
        public Builder urls(Collection<? extends String> urls) {
            this.urls = Values.list(urls, "urls");
            return this;
        }

        /**
         * Appends to {@code urls}.
         *
         * @param url a URI from which the content may be downloaded
         * @return this builder
         */
        public Builder addUrl(String url) {
            this.urls = Values.add(urls, url, "url");
            return this;
        }

        /**
         * Empties {@code urls}, which is then left out.
         *
         * @return this builder
         */
        public Builder clearUrls() {
            this.urls = List.of();
            return this;
        }

        /**
         * Replaces {@code annotations} (descriptor.md, annotations.md); keys are written sorted.
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
         * Embeds the content (copied); the caller keeps digest and size consistent with it.
         *
         * @param data the content, embedded as base64
         * @return this builder
         */
        public Builder data(byte[] data) {
            this.data = Objects.requireNonNull(data, "data").clone();
            return this;
        }

        /**
         * Removes embedded data.
         *
         * @return this builder
         */
        public Builder clearData() {
            this.data = null;
            return this;
        }

        /**
         * Sets {@code platform}: the platform of the referenced manifest (image-index.md), for index entries.
         *
         * @param platform the platform
         * @return this builder
         */
        public Builder platform(Platform platform) {
            this.platform = Objects.requireNonNull(platform, "platform");
            return this;
        }

        /**
         * Leaves {@code platform} out.
         *
         * @return this builder
         */
        public Builder clearPlatform() {
            this.platform = null;
            return this;
        }

        /**
         * Sets {@code artifactType}: the type of the artifact the descriptor points to.
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
         * Unknown members as raw JSON text, written after the known ones.
         *
         * @param extensions the unknown members by key, each value one JSON value as text
         * @return this builder
         * @throws IllegalArgumentException when a key is a member {@code Descriptor} maps, or a value is not JSON
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
         * @throws IllegalArgumentException when {@code key} is a member {@code Descriptor} maps, or {@code rawJson} is not JSON
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
         * {@return the descriptor}
         *
         * @throws IllegalStateException if {@code mediaType}, {@code digest} or {@code size} was not set
         */
        public Descriptor build() {
            Values.required(mediaType, "Descriptor", "mediaType");
            Values.required(digest, "Descriptor", "digest");
            if (!sizeSet) {
                throw new IllegalStateException("Descriptor: size is REQUIRED and was not set; call size(...)");
            }
            return new Descriptor(mediaType, digest, size, urls, annotations, data, platform, artifactType,
                    extensions);
        }
    }
}
