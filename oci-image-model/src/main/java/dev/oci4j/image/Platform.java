package dev.oci4j.image;

import com.fasterxml.jackson.databind.JsonNode;
import dev.oci4j.internal.json.JsonFields;
import dev.oci4j.internal.json.JsonObjectWriter;
import java.util.HashSet;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The platform an image runs on, as found in an index entry's descriptor (image-spec image-index.md,
 * "platform"): architecture, os, os.version, os.features, variant and the reserved features.
 *
 * <pre>{@code
 * {"architecture": "arm64", "os": "linux", "variant": "v8"}
 * Platform p = Platform.parse("linux/arm64/v8");
 * p.matches(Platform.parse("linux/aarch64"));   // true: aarch64 is arm64, whose default variant is v8
 * }</pre>
 */
public final class Platform {

    /** The members this model maps; an extension may not reuse them. */
    private static final java.util.Set<String> KNOWN = java.util.Set.of("architecture", "os", "os.version", "os.features", "variant", "features");

    private final String architecture;
    private final String os;
    private final String osVersion;
    private final List<String> osFeatures;
    private final String variant;
    private final List<String> features;
    private final Map<String, String> extensions;

    private Platform(String architecture, String os, String osVersion, List<String> osFeatures, String variant,
            List<String> features, Map<String, String> extensions) {
        this.architecture = architecture;
        this.os = os;
        this.osVersion = osVersion;
        this.osFeatures = osFeatures;
        this.variant = variant;
        this.features = features;
        this.extensions = extensions;
    }

    /** {@return an empty builder} */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * A platform with only os and architecture.
     *
     * @param os the {@code os}, such as {@code linux}
     * @param architecture the {@code architecture}, such as {@code amd64}
     * @return the platform
     * @throws NullPointerException if an argument is null
     */
    public static Platform of(String os, String architecture) {
        return builder().os(os).architecture(architecture).build();
    }

    /**
     * Parses {@code os/architecture[/variant]}, as in {@code linux/amd64} or {@code linux/arm64/v8}.
     * The OS part may carry a version in parentheses: {@code windows(10.0.17763.1879)/amd64}.
     * Values are taken as written; use {@link #normalize()} for the canonical names.
     *
     * @param text the platform text
     * @return the platform, as written
     * @throws IllegalArgumentException when the text does not have two or three non-empty parts
     * @throws NullPointerException if {@code text} is null
     */
    public static Platform parse(String text) {
        Objects.requireNonNull(text, "platform");
        String[] parts = text.split("/", -1);
        if (parts.length < 2 || parts.length > 3) {
            throw new IllegalArgumentException("platform \"" + text
                    + "\" is not os/architecture or os/architecture/variant");
        }
        for (String part : parts) {
            if (part.isEmpty()) {
                throw new IllegalArgumentException("platform \"" + text + "\" has an empty part");
            }
        }
        Builder b = builder();
        String osPart = parts[0];
        int paren = osPart.indexOf('(');
        if (paren > 0 && osPart.endsWith(")")) {
            b.osVersion(osPart.substring(paren + 1, osPart.length() - 1));
            osPart = osPart.substring(0, paren);
        }
        b.os(osPart).architecture(parts[1]);
        if (parts.length == 3) {
            b.variant(parts[2]);
        }
        return b.build();
    }

    /**
     * The platform of the running JVM, from {@code os.name} and {@code os.arch}, normalized
     * ({@code Linux/amd64} gives {@code linux/amd64}, {@code aarch64} gives {@code arm64/v8}).
     *
     * @return the host's platform
     */
    public static Platform host() {
        String osName = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        String os;
        if (osName.startsWith("windows")) {
            os = "windows";
        } else if (osName.startsWith("mac") || osName.startsWith("darwin")) {
            os = "darwin";
        } else if (osName.isEmpty()) {
            os = "unknown";
        } else {
            os = osName.replace(" ", "");
        }
        String arch = System.getProperty("os.arch", "unknown").toLowerCase(Locale.ROOT);
        return builder().os(os).architecture(arch).build().normalize();
    }

    /**
     * This platform with canonical names (containerd's normalization, which the image-spec's
     * values follow): os lower-cased, {@code macos} is {@code darwin}; {@code x86_64} and
     * {@code x86-64} are {@code amd64}; {@code i386}, {@code i486}, {@code i586}, {@code i686} and
     * {@code x86} are {@code 386}; {@code aarch64} is {@code arm64}, whose variant defaults to
     * {@code v8}; {@code arm}'s variant defaults to {@code v7} ({@code armhf}: arm/v7,
     * {@code armel}: arm/v6); variants written as {@code 8} become {@code v8}.
     *
     * @return the normalized copy; other members unchanged
     */
    public Platform normalize() {
        String o = os == null ? null : os.toLowerCase(Locale.ROOT);
        if ("macos".equals(o)) {
            o = "darwin";
        }
        String a = architecture == null ? null : architecture.toLowerCase(Locale.ROOT);
        String v = variant == null || variant.isEmpty() ? null : variant.toLowerCase(Locale.ROOT);
        if (a != null) {
            switch (a) {
                case "x86_64", "x86-64", "amd64", "x64" -> {
                    a = "amd64";
                    if ("v1".equals(v)) {
                        v = null;
                    }
                }
                case "i386", "i486", "i586", "i686", "x86", "386" -> a = "386";
                case "aarch64", "arm64" -> {
                    a = "arm64";
                    if (v == null || v.equals("8") || v.equals("v8.0")) {
                        v = "v8";
                    }
                }
                case "armhf" -> {
                    a = "arm";
                    v = "v7";
                }
                case "armel" -> {
                    a = "arm";
                    v = "v6";
                }
                case "arm" -> {
                    if (v == null) {
                        v = "v7";
                    }
                }
                default -> {
                    // Other architectures (ppc64le, s390x, riscv64, mips64le, ...) have one spelling.
                }
            }
            if (a.startsWith("arm") && v != null && v.matches("[0-9]+")) {
                v = "v" + v;
            }
        }
        return new Platform(a, o, osVersion, osFeatures, v, features, extensions);
    }

    /**
     * Whether {@code candidate} (an index entry's platform) satisfies this wanted platform: after
     * {@link #normalize() normalization}, os, architecture and variant are equal; when this platform
     * names an os.version the candidate must have the same one, and every os.feature wanted must
     * be listed by the candidate. Extra features of the candidate do not matter.
     *
     * @param candidate the platform an index entry offers
     * @return true when the entry is one for this platform
     * @throws NullPointerException if {@code candidate} is null
     */
    public boolean matches(Platform candidate) {
        Objects.requireNonNull(candidate, "candidate");
        Platform want = normalize();
        Platform have = candidate.normalize();
        if (!Objects.equals(want.os, have.os) || !Objects.equals(want.architecture, have.architecture)
                || !Objects.equals(want.variant, have.variant)) {
            return false;
        }
        if (want.osVersion != null && !want.osVersion.isEmpty() && !want.osVersion.equals(have.osVersion)) {
            return false;
        }
        return new HashSet<>(have.osFeatures).containsAll(want.osFeatures);
    }

    /** {@return {@code os/architecture[/variant]}, the form {@link #parse} reads} */
    public String format() {
        String s = os() + "/" + architecture();
        return variant == null || variant.isEmpty() ? s : s + "/" + variant;
    }

    /**
     * {@return the CPU architecture, such as {@code amd64}; empty only when a parsed document lacked it} REQUIRED.
     */
    public String architecture() {
        return architecture == null ? "" : architecture;
    }

    /**
     * {@return the operating system, such as {@code linux}; empty only when a parsed document lacked it} REQUIRED.
     */
    public String os() {
        return os == null ? "" : os;
    }

    /** {@return the operating system version, such as {@code 10.0.14393.1066}} OPTIONAL. */
    public Optional<String> osVersion() {
        return Optional.ofNullable(osVersion);
    }

    /** {@return required OS features, such as {@code win32k}} OPTIONAL. */
    public List<String> osFeatures() {
        return osFeatures;
    }

    /** {@return the CPU variant, such as {@code v7} or {@code v8}} OPTIONAL. */
    public Optional<String> variant() {
        return Optional.ofNullable(variant);
    }

    /** {@return reserved by the spec for future use; kept so documents round-trip} */
    public List<String> features() {
        return features;
    }

    /** {@return members this model does not know, as raw JSON text, in document order} */
    public Map<String, String> extensions() {
        return extensions;
    }

    /** {@return a builder holding this {@code Platform}'s values} */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.architecture = architecture;
        b.os = os;
        b.osVersion = osVersion;
        b.osFeatures = osFeatures;
        b.variant = variant;
        b.features = features;
        b.extensions = extensions;
        return b;
    }

    static Platform read(JsonFields f) {
        return new Platform(
                f.string("architecture").orElse(null),
                f.string("os").orElse(null),
                f.omitemptyString("os.version").orElse(null),
                f.stringList("os.features"),
                f.omitemptyString("variant").orElse(null),
                f.stringList("features"),
                f.unknown());
    }

    JsonNode toJson() {
        return new JsonObjectWriter()
                .putIfPresent("architecture", Optional.ofNullable(architecture))
                .putIfPresent("os", Optional.ofNullable(os))
                .putIfNotEmpty("os.version", osVersion)
                .putStringsIfNotEmpty("os.features", osFeatures)
                .putIfNotEmpty("variant", variant)
                .putStringsIfNotEmpty("features", features)
                .extensions(extensions)
                .node();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Platform p && Objects.equals(p.architecture, architecture) && Objects.equals(p.os, os)
                && Objects.equals(p.osVersion, osVersion) && p.osFeatures.equals(osFeatures)
                && Objects.equals(p.variant, variant) && p.features.equals(features)
                && p.extensions.equals(extensions);
    }

    @Override
    public int hashCode() {
        return Objects.hash(architecture, os, osVersion, osFeatures, variant, features, extensions);
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder(format());
        if (osVersion != null) {
            s.append(" os.version=").append(osVersion);
        }
        if (!osFeatures.isEmpty()) {
            s.append(" os.features=").append(osFeatures);
        }
        if (!features.isEmpty()) {
            s.append(" features=").append(features);
        }
        return s.toString();
    }

    /** Builds a {@link Platform}; architecture and os are required. */
    public static final class Builder {
        private String architecture;
        private String os;
        private String osVersion;
        private List<String> osFeatures = List.of();
        private String variant;
        private List<String> features = List.of();
        private Map<String, String> extensions = Map.of();

        private Builder() {
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
            this.osVersion = Values.notEmpty(osVersion, "Platform", "osVersion");
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
            this.variant = Values.notEmpty(variant, "Platform", "variant");
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
         * Replaces {@code features}, which the spec reserves for future use.
         *
         * @param features the features, copied
         * @return this builder
         * @throws NullPointerException if {@code features} is or holds null, naming the index
         */
        public Builder features(Collection<? extends String> features) {
            this.features = Values.list(features, "features");
            return this;
        }

        /**
         * Appends to {@code features}, which the spec reserves for future use.
         *
         * @param feature the feature
         * @return this builder
         */
        public Builder addFeature(String feature) {
            this.features = Values.add(features, feature, "feature");
            return this;
        }

        /**
         * Empties {@code features}, which is then left out.
         *
         * @return this builder
         */
        public Builder clearFeatures() {
            this.features = List.of();
            return this;
        }

        /**
         * Unknown members as raw JSON text, written after the known ones.
         *
         * @param extensions the unknown members by key, each value one JSON value as text
         * @return this builder
         * @throws IllegalArgumentException when a key is a member {@code Platform} maps, or a value is not JSON
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
         * @throws IllegalArgumentException when {@code key} is a member {@code Platform} maps, or {@code rawJson} is not JSON
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
         * {@return the platform}
         *
         * @throws IllegalStateException if {@code architecture} or {@code os} was not set
         */
        public Platform build() {
            Values.required(architecture, "Platform", "architecture");
            Values.required(os, "Platform", "os");
            return new Platform(architecture, os, osVersion, osFeatures, variant, features, extensions);
        }
    }
}
