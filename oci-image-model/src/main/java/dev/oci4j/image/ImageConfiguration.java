package dev.oci4j.image;

import com.fasterxml.jackson.databind.JsonNode;
import dev.oci4j.internal.json.JsonFields;
import dev.oci4j.internal.json.JsonObjectWriter;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * An image configuration (image-spec config.md, {@code application/vnd.oci.image.config.v1+json}):
 * platform, execution defaults, the layers' DiffIDs and history. Docker's image config reads the same way.
 *
 * <pre>{@code
 * {"architecture": "amd64", "os": "linux", "config": {"Cmd": ["sh"]},
 *  "rootfs": {"type": "layers", "diff_ids": ["sha256:..."]}}
 * ImageConfiguration c = ImageConfiguration.builder().os("linux").architecture("amd64")
 *         .rootfs(RootFs.of(List.of(diffId))).build();
 * }</pre>
 */
public final class ImageConfiguration {

    /** The members this model maps; an extension may not reuse them. */
    private static final java.util.Set<String> KNOWN = java.util.Set.of("created", "author", "architecture", "os", "os.version", "os.features", "variant", "config", "rootfs", "history");

    private final String created;
    private final String author;
    private final String architecture;
    private final String os;
    private final String osVersion;
    private final List<String> osFeatures;
    private final String variant;
    private final ExecutionConfig config;
    private final RootFs rootfs;
    private final List<History> history;
    private final Map<String, String> extensions;

    private ImageConfiguration(Builder b) {
        this.created = b.created;
        this.author = b.author;
        this.architecture = b.architecture;
        this.os = b.os;
        this.osVersion = b.osVersion;
        this.osFeatures = b.osFeatures;
        this.variant = b.variant;
        this.config = b.config;
        this.rootfs = b.rootfs;
        this.history = b.history;
        this.extensions = b.extensions;
    }

    /** A builder with an empty execution config and a {@code layers} rootfs without layers. */
    public static Builder builder() {
        return new Builder();
    }

    /** OPTIONAL. When the image was created: the RFC 3339 text exactly as written. */
    public Optional<String> created() {
        return Optional.ofNullable(created);
    }

    /**
     * {@link #created()} parsed.
     *
     * @throws ImageFormatException when the text is not an RFC 3339 date-time
     */
    public Optional<OffsetDateTime> createdTime() {
        return created().map(c -> Timestamps.parse(c, "/created"));
    }

    /** OPTIONAL. Who created and maintains the image. */
    public Optional<String> author() {
        return Optional.ofNullable(author);
    }

    /** REQUIRED. The CPU architecture; empty only when a parsed document lacked it. */
    public String architecture() {
        return architecture == null ? "" : architecture;
    }

    /** REQUIRED. The operating system; empty only when a parsed document lacked it. */
    public String os() {
        return os == null ? "" : os;
    }

    /** OPTIONAL. The operating system version. */
    public Optional<String> osVersion() {
        return Optional.ofNullable(osVersion);
    }

    /** OPTIONAL. Required OS features. */
    public List<String> osFeatures() {
        return osFeatures;
    }

    /** OPTIONAL. The CPU variant. */
    public Optional<String> variant() {
        return Optional.ofNullable(variant);
    }

    /** OPTIONAL. The execution defaults; {@link ExecutionConfig#EMPTY} when absent. */
    public ExecutionConfig config() {
        return config == null ? ExecutionConfig.EMPTY : config;
    }

    /** REQUIRED. The layer DiffIDs; an empty one only when a parsed document lacked it. */
    public RootFs rootfs() {
        return rootfs == null ? RootFs.builder().type("").build() : rootfs;
    }

    /** OPTIONAL. The history of each layer, base first. */
    public List<History> history() {
        return history;
    }

    /** Members this model does not know, as raw JSON text, in document order. */
    public Map<String, String> extensions() {
        return extensions;
    }

    /** os, architecture, variant, os.version and os.features as a {@link Platform}. */
    public Platform platform() {
        Platform.Builder b = Platform.builder().os(os()).architecture(architecture()).osFeatures(osFeatures);
        variant().ifPresent(b::variant);
        osVersion().ifPresent(b::osVersion);
        return b.build();
    }

    public Builder toBuilder() {
        Builder b = new Builder();
        b.created = created;
        b.author = author;
        b.architecture = architecture;
        b.os = os;
        b.osVersion = osVersion;
        b.osFeatures = osFeatures;
        b.variant = variant;
        b.config = config;
        b.rootfs = rootfs;
        b.history = history;
        b.extensions = extensions;
        return b;
    }

    static ImageConfiguration read(JsonFields f) {
        Builder b = new Builder();
        b.created = f.string("created").orElse(null);
        b.author = f.string("author").orElse(null);
        b.architecture = f.string("architecture").orElse(null);
        b.os = f.string("os").orElse(null);
        b.osVersion = f.string("os.version").orElse(null);
        b.osFeatures = f.stringList("os.features");
        b.variant = f.string("variant").orElse(null);
        b.config = f.object("config", ExecutionConfig::read).orElse(null);
        b.rootfs = f.object("rootfs", RootFs::read).orElse(null);
        b.history = f.objectList("history", History::read);
        b.extensions = f.unknown();
        return new ImageConfiguration(b);
    }

    /**
     * Key order of the Go reference type (Image embeds Platform): created, author, architecture, os,
     * os.version, os.features, variant, config, rootfs, history. Go writes {@code config} even when
     * empty (omitempty does not apply to structs); a parsed document without it stays without it.
     */
    JsonNode toJson() {
        return new JsonObjectWriter()
                .putIfPresent("created", Optional.ofNullable(created))
                .putIfPresent("author", Optional.ofNullable(author))
                .putIfPresent("architecture", Optional.ofNullable(architecture))
                .putIfPresent("os", Optional.ofNullable(os))
                .putIfPresent("os.version", Optional.ofNullable(osVersion))
                .putStringsIfNotEmpty("os.features", osFeatures)
                .putIfPresent("variant", Optional.ofNullable(variant))
                .putObjectIfPresent("config", Optional.ofNullable(config), ExecutionConfig::toJson)
                .putObjectIfPresent("rootfs", Optional.ofNullable(rootfs), RootFs::toJson)
                .putObjectsIfNotEmpty("history", history, History::toJson)
                .extensions(extensions)
                .node();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ImageConfiguration c && Objects.equals(c.created, created)
                && Objects.equals(c.author, author) && Objects.equals(c.architecture, architecture)
                && Objects.equals(c.os, os) && Objects.equals(c.osVersion, osVersion)
                && c.osFeatures.equals(osFeatures) && Objects.equals(c.variant, variant)
                && Objects.equals(c.config, config) && Objects.equals(c.rootfs, rootfs)
                && c.history.equals(history) && c.extensions.equals(extensions);
    }

    @Override
    public int hashCode() {
        return Objects.hash(created, author, architecture, os, osVersion, osFeatures, variant, config, rootfs,
                history, extensions);
    }

    @Override
    public String toString() {
        return "ImageConfiguration{created=" + created + ", author=" + author + ", platform="
                + os + "/" + architecture + (variant == null ? "" : "/" + variant)
                + (osVersion == null ? "" : ", osVersion=" + osVersion)
                + (osFeatures.isEmpty() ? "" : ", osFeatures=" + osFeatures)
                + ", config=" + config + ", rootfs=" + rootfs + ", history=" + history
                + (extensions.isEmpty() ? "" : ", extensions=" + extensions.keySet()) + "}";
    }

    /** Builds an {@link ImageConfiguration}; architecture and os are required. */
    public static final class Builder {
        private String created;
        private String author;
        private String architecture;
        private String os;
        private String osVersion;
        private List<String> osFeatures = List.of();
        private String variant;
        private ExecutionConfig config = ExecutionConfig.EMPTY;
        private RootFs rootfs = RootFs.of(List.of());
        private List<History> history = List.of();
        private Map<String, String> extensions = Map.of();

        private Builder() {
        }

        /** The creation time as RFC 3339 text, kept verbatim. */
        public Builder created(String created) {
            this.created = emptyToNull(Objects.requireNonNull(created, "created"));
            return this;
        }

        /** The creation time, written in UTC with the fraction digits needed. */
        public Builder created(Instant created) {
            this.created = Timestamps.format(Objects.requireNonNull(created, "created"));
            return this;
        }

        public Builder author(String author) {
            this.author = emptyToNull(Objects.requireNonNull(author, "author"));
            return this;
        }

        public Builder architecture(String architecture) {
            this.architecture = Objects.requireNonNull(architecture, "architecture");
            return this;
        }

        public Builder os(String os) {
            this.os = Objects.requireNonNull(os, "os");
            return this;
        }

        public Builder osVersion(String osVersion) {
            this.osVersion = emptyToNull(Objects.requireNonNull(osVersion, "osVersion"));
            return this;
        }

        public Builder osFeatures(List<String> osFeatures) {
            this.osFeatures = Values.strings(osFeatures, "osFeatures");
            return this;
        }

        public Builder variant(String variant) {
            this.variant = emptyToNull(Objects.requireNonNull(variant, "variant"));
            return this;
        }

        /** Sets os, architecture, variant, os.version and os.features from {@code platform}. */
        public Builder platform(Platform platform) {
            Objects.requireNonNull(platform, "platform");
            this.os = platform.os();
            this.architecture = platform.architecture();
            this.variant = platform.variant().orElse(null);
            this.osVersion = platform.osVersion().orElse(null);
            this.osFeatures = platform.osFeatures();
            return this;
        }

        public Builder config(ExecutionConfig config) {
            this.config = Objects.requireNonNull(config, "config");
            return this;
        }

        public Builder rootfs(RootFs rootfs) {
            this.rootfs = Objects.requireNonNull(rootfs, "rootfs");
            return this;
        }

        public Builder history(List<History> history) {
            this.history = Values.list(history, "history");
            return this;
        }

        /** Appends one history entry. */
        public Builder addHistory(History entry) {
            List<History> copy = new ArrayList<>(history);
            copy.add(Objects.requireNonNull(entry, "history"));
            this.history = List.copyOf(copy);
            return this;
        }

        /** Unknown members as raw JSON text, written after the known ones. */
        public Builder extensions(Map<String, String> extensions) {
            this.extensions = Values.extensions(extensions, KNOWN);
            return this;
        }

        public ImageConfiguration build() {
            Objects.requireNonNull(architecture, "architecture is required");
            Objects.requireNonNull(os, "os is required");
            return new ImageConfiguration(this);
        }

        private static String emptyToNull(String s) {
            return s.isEmpty() ? null : s;
        }
    }
}
