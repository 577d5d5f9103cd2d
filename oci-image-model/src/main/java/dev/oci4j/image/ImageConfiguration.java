package dev.oci4j.image;

import com.fasterxml.jackson.databind.JsonNode;
import dev.oci4j.internal.json.JsonFields;
import dev.oci4j.internal.json.JsonObjectWriter;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
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

    /** {@return a builder with an empty execution config and a {@code layers} rootfs without layers} */
    public static Builder builder() {
        return new Builder();
    }

    /** {@return when the image was created: the RFC 3339 text exactly as written} OPTIONAL. */
    public Optional<String> created() {
        return Optional.ofNullable(created);
    }

    /**
     * {@return {@link #created()} parsed}
     *
     * @throws ImageFormatException when the text is not an RFC 3339 date-time
     */
    public Optional<OffsetDateTime> createdTime() {
        return created().map(c -> Timestamps.parse(c, "/created"));
    }

    /** {@return who created and maintains the image} OPTIONAL. */
    public Optional<String> author() {
        return Optional.ofNullable(author);
    }

    /** {@return the CPU architecture; empty only when a parsed document lacked it} REQUIRED. */
    public String architecture() {
        return architecture == null ? "" : architecture;
    }

    /** {@return the operating system; empty only when a parsed document lacked it} REQUIRED. */
    public String os() {
        return os == null ? "" : os;
    }

    /** {@return the operating system version} OPTIONAL. */
    public Optional<String> osVersion() {
        return Optional.ofNullable(osVersion);
    }

    /** {@return required OS features} OPTIONAL. */
    public List<String> osFeatures() {
        return osFeatures;
    }

    /** {@return the CPU variant} OPTIONAL. */
    public Optional<String> variant() {
        return Optional.ofNullable(variant);
    }

    /** {@return the execution defaults; {@link ExecutionConfig#EMPTY} when absent} OPTIONAL. */
    public ExecutionConfig config() {
        return config == null ? ExecutionConfig.EMPTY : config;
    }

    /** {@return the layer DiffIDs; an empty one only when a parsed document lacked it} REQUIRED. */
    public RootFs rootfs() {
        return rootfs == null ? RootFs.builder().type("").build() : rootfs;
    }

    /** {@return the history of each layer, base first} OPTIONAL. */
    public List<History> history() {
        return history;
    }

    /** {@return members this model does not know, as raw JSON text, in document order} */
    public Map<String, String> extensions() {
        return extensions;
    }

    /** {@return os, architecture, variant, os.version and os.features as a {@link Platform}} */
    public Platform platform() {
        Platform.Builder b = Platform.builder().os(os()).architecture(architecture()).osFeatures(osFeatures);
        variant().ifPresent(b::variant);
        osVersion().ifPresent(b::osVersion);
        return b.build();
    }

    /** {@return a builder holding this {@code ImageConfiguration}'s values} */
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

        /**
         * The creation time as RFC 3339 text, kept verbatim.
         *
         * @param created the time, such as {@code 2015-10-31T22:22:54.690851953Z}
         * @return this builder
         * @throws IllegalArgumentException if {@code created} is empty (see {@link #clearCreated()})
         */
        public Builder created(String created) {
            this.created = Values.notEmpty(created, "ImageConfiguration", "created");
            return this;
        }

        /**
         * The creation time, written in UTC with the fraction digits needed.
         *
         * @param created the time
         * @return this builder
         */
        public Builder created(Instant created) {
            this.created = Timestamps.format(Objects.requireNonNull(created, "created"));
            return this;
        }

        /**
         * Leaves {@code created} out (reproducible builds usually do).
         *
         * @return this builder
         */
        public Builder clearCreated() {
            this.created = null;
            return this;
        }

        /**
         * Sets {@code author}: the name and/or email of who created and maintains the image.
         *
         * @param author the author
         * @return this builder
         * @throws IllegalArgumentException if {@code author} is empty (see {@link #clearAuthor()})
         */
        public Builder author(String author) {
            this.author = Values.notEmpty(author, "ImageConfiguration", "author");
            return this;
        }

        /**
         * Leaves {@code author} out.
         *
         * @return this builder
         */
        public Builder clearAuthor() {
            this.author = null;
            return this;
        }

        /**
         * Sets {@code architecture} (REQUIRED): the CPU architecture, a Go {@code GOARCH} value such as {@code amd64}.
         *
         * @param architecture the architecture
         * @return this builder
         */
        public Builder architecture(String architecture) {
            this.architecture = Objects.requireNonNull(architecture, "architecture");
            return this;
        }

        /**
         * Sets {@code os} (REQUIRED): the operating system, a Go {@code GOOS} value such as {@code linux}.
         *
         * @param os the operating system
         * @return this builder
         */
        public Builder os(String os) {
            this.os = Objects.requireNonNull(os, "os");
            return this;
        }

        /**
         * Sets {@code os.version}, the operating system version.
         *
         * @param osVersion the version, such as {@code 10.0.14393.1066}
         * @return this builder
         * @throws IllegalArgumentException if {@code osVersion} is empty (see {@link #clearOsVersion()})
         */
        public Builder osVersion(String osVersion) {
            this.osVersion = Values.notEmpty(osVersion, "ImageConfiguration", "osVersion");
            return this;
        }

        /**
         * Leaves {@code os.version} out.
         *
         * @return this builder
         */
        public Builder clearOsVersion() {
            this.osVersion = null;
            return this;
        }

        /**
         * Replaces {@code os.features}, the OS features an image requires.
         *
         * @param osFeatures the features, copied
         * @return this builder
         * @throws NullPointerException if {@code osFeatures} is or holds null, naming the index
         */
        public Builder osFeatures(Collection<? extends String> osFeatures) {
            this.osFeatures = Values.list(osFeatures, "osFeatures");
            return this;
        }

        /**
         * Appends to {@code os.features}.
         *
         * @param osFeature the feature, such as {@code win32k}
         * @return this builder
         */
        public Builder addOsFeature(String osFeature) {
            this.osFeatures = Values.add(osFeatures, osFeature, "osFeature");
            return this;
        }

        /**
         * Empties {@code os.features}, which is then left out.
         *
         * @return this builder
         */
        public Builder clearOsFeatures() {
            this.osFeatures = List.of();
            return this;
        }

        /**
         * Sets {@code variant}, the CPU variant.
         *
         * @param variant the variant, such as {@code v8}
         * @return this builder
         * @throws IllegalArgumentException if {@code variant} is empty (see {@link #clearVariant()})
         */
        public Builder variant(String variant) {
            this.variant = Values.notEmpty(variant, "ImageConfiguration", "variant");
            return this;
        }

        /**
         * Leaves {@code variant} out.
         *
         * @return this builder
         */
        public Builder clearVariant() {
            this.variant = null;
            return this;
        }

        /**
         * Sets os, architecture, variant, os.version and os.features from {@code platform}.
         *
         * @param platform the platform
         * @return this builder
         */
        public Builder platform(Platform platform) {
            Objects.requireNonNull(platform, "platform");
            this.os = platform.os();
            this.architecture = platform.architecture();
            this.variant = platform.variant().orElse(null);
            this.osVersion = platform.osVersion().orElse(null);
            this.osFeatures = platform.osFeatures();
            return this;
        }

        /**
         * Sets {@code config}: the execution defaults for a container started from the image.
         *
         * @param config the execution defaults
         * @return this builder
         */
        public Builder config(ExecutionConfig config) {
            this.config = Objects.requireNonNull(config, "config");
            return this;
        }

        /**
         * Sets {@code rootfs} (REQUIRED): the layer DiffIDs.
         *
         * @param rootfs the rootfs
         * @return this builder
         */
        public Builder rootfs(RootFs rootfs) {
            this.rootfs = Objects.requireNonNull(rootfs, "rootfs");
            return this;
        }

        /**
         * Replaces {@code history}: one entry per build step, base first.
         *
         * @param history the entries, copied
         * @return this builder
         * @throws NullPointerException if {@code history} is or holds null, naming the index
         */
        public Builder history(Collection<? extends History> history) {
            this.history = Values.list(history, "history");
            return this;
        }

        /**
         * Appends one history entry.
         *
         * @param entry the entry
         * @return this builder
         */
        public Builder addHistory(History entry) {
            this.history = Values.add(history, entry, "entry");
            return this;
        }

        /**
         * Empties {@code history}, which is then left out.
         *
         * @return this builder
         */
        public Builder clearHistory() {
            this.history = List.of();
            return this;
        }

        /**
         * Unknown members as raw JSON text, written after the known ones.
         *
         * @param extensions the unknown members by key, each value one JSON value as text
         * @return this builder
         * @throws IllegalArgumentException when a key is a member {@code ImageConfiguration} maps, or a value is not JSON
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
         * @throws IllegalArgumentException when {@code key} is a member {@code ImageConfiguration} maps, or {@code rawJson} is not JSON
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
         * {@return the configuration}
         *
         * @throws IllegalStateException if {@code architecture} or {@code os} was not set
         */
        public ImageConfiguration build() {
            Values.required(architecture, "ImageConfiguration", "architecture");
            Values.required(os, "ImageConfiguration", "os");
            return new ImageConfiguration(this);
        }
    }
}
