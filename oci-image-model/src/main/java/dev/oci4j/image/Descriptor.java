package dev.oci4j.image;

import com.fasterxml.jackson.databind.JsonNode;
import dev.oci4j.internal.json.JsonFields;
import dev.oci4j.internal.json.JsonObjectWriter;
import dev.oci4j.validation.FormatReason;
import java.util.Arrays;
import java.util.Base64;
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

    public static Builder builder() {
        return new Builder();
    }

    /** The descriptor of {@code content}: its sha256 digest and length, with this media type. */
    public static Descriptor of(MediaType mediaType, byte[] content) {
        return builder().mediaType(mediaType).digest(Digest.sha256(content)).size(content.length).build();
    }

    /** The descriptor of content already measured. */
    public static Descriptor of(MediaType mediaType, Digest digest, long size) {
        return builder().mediaType(mediaType).digest(digest).size(size).build();
    }

    /** REQUIRED. The media type of the referenced content; empty only when a parsed document lacked it. */
    public Optional<MediaType> mediaType() {
        return Optional.ofNullable(Values.mediaType(mediaType));
    }

    /** REQUIRED. The digest of the referenced content. */
    public Digest digest() {
        return digest;
    }

    /** REQUIRED. The size of the referenced content in bytes; MUST NOT be negative (a parsed document may be). */
    public long size() {
        return size;
    }

    /** OPTIONAL. URIs from which the content may be downloaded, as written. */
    public List<String> urls() {
        return urls;
    }

    /** OPTIONAL. Arbitrary metadata, keys sorted. */
    public Map<String, String> annotations() {
        return annotations;
    }

    /** OPTIONAL. The embedded content (a copy); base64 in JSON. It MUST match digest and size. */
    public Optional<byte[]> data() {
        return data == null ? Optional.empty() : Optional.of(data.clone());
    }

    /** OPTIONAL. The platform of the referenced manifest; meant for index entries. */
    public Optional<Platform> platform() {
        return Optional.ofNullable(platform);
    }

    /** OPTIONAL. The type of an artifact when the descriptor points to one. */
    public Optional<MediaType> artifactType() {
        return Optional.ofNullable(Values.mediaType(artifactType));
    }

    /** Members this model does not know, as raw JSON text, in document order. */
    public Map<String, String> extensions() {
        return extensions;
    }

    /** Whether digest, size and media type (and nothing else) equal those of {@link #EMPTY}. */
    public boolean isEmptyDescriptor() {
        return digest.equals(EMPTY.digest) && size == 2 && MediaType.OCI_EMPTY.value().equals(mediaType);
    }

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

        public Builder mediaType(MediaType mediaType) {
            this.mediaType = Objects.requireNonNull(mediaType, "mediaType").value();
            return this;
        }

        public Builder digest(Digest digest) {
            this.digest = Objects.requireNonNull(digest, "digest");
            return this;
        }

        public Builder size(long size) {
            if (size < 0) {
                throw new IllegalArgumentException("size must not be negative, was " + size);
            }
            this.size = size;
            this.sizeSet = true;
            return this;
        }

        public Builder urls(List<String> urls) {
            this.urls = Values.strings(urls, "urls");
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

        /** Embeds the content (copied); the caller keeps digest and size consistent with it. */
        public Builder data(byte[] data) {
            this.data = Objects.requireNonNull(data, "data").clone();
            return this;
        }

        /** Removes embedded data. */
        public Builder clearData() {
            this.data = null;
            return this;
        }

        public Builder platform(Platform platform) {
            this.platform = Objects.requireNonNull(platform, "platform");
            return this;
        }

        public Builder clearPlatform() {
            this.platform = null;
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

        /** Unknown members as raw JSON text, written after the known ones. */
        public Builder extensions(Map<String, String> extensions) {
            this.extensions = Values.extensions(extensions, KNOWN);
            return this;
        }

        public Descriptor build() {
            Objects.requireNonNull(mediaType, "mediaType is required");
            Objects.requireNonNull(digest, "digest is required");
            if (!sizeSet) {
                throw new IllegalStateException("size is required");
            }
            return new Descriptor(mediaType, digest, size, urls, annotations, data, platform, artifactType,
                    extensions);
        }
    }
}
