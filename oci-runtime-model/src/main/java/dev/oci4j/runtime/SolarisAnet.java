package dev.oci4j.runtime;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.oci4j.runtime.internal.json.Json;
import dev.oci4j.runtime.internal.json.JsonFields;
import dev.oci4j.runtime.internal.json.JsonObjectWriter;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * An automatically created Solaris network resource.
 *
 * <p>Spec: <a href="https://github.com/opencontainers/runtime-spec/blob/v1.2.0/config-solaris.md#network">config-solaris.md#network</a> (runtime-spec v1.2). Members this model does not know
 * are kept in {@link #extensions()} and written back after the known ones.
 *
 * <pre>{@code
 * {"linkname":"net0","lowerLink":"net2"}
 * }</pre>
 */
public final class SolarisAnet {

    private final String linkname;
    private final String lowerLink;
    private final String allowedAddress;
    private final String configureAllowedAddress;
    private final String defrouter;
    private final String linkProtection;
    private final String macAddress;
    private final Map<String, String> extensions;

    private SolarisAnet(Builder b) {
        this.linkname = b.linkname;
        this.lowerLink = b.lowerLink;
        this.allowedAddress = b.allowedAddress;
        this.configureAllowedAddress = b.configureAllowedAddress;
        this.defrouter = b.defrouter;
        this.linkProtection = b.linkProtection;
        this.macAddress = b.macAddress;
        this.extensions = b.extensions.isEmpty() ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(b.extensions));
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this object's values, to derive a changed copy. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.linkname = linkname;
        b.lowerLink = lowerLink;
        b.allowedAddress = allowedAddress;
        b.configureAllowedAddress = configureAllowedAddress;
        b.defrouter = defrouter;
        b.linkProtection = linkProtection;
        b.macAddress = macAddress;
        b.extensions = new LinkedHashMap<>(extensions);
        return b;
    }

    /** {@code linkname}: OPTIONAL: name of the VNIC datalink. */
    public Optional<String> linkname() {
        return Optional.ofNullable(linkname);
    }

    /** {@code lowerLink}: OPTIONAL: the link the VNIC is created over. */
    public Optional<String> lowerLink() {
        return Optional.ofNullable(lowerLink);
    }

    /** {@code allowedAddress}: OPTIONAL: IP addresses the container may use. */
    public Optional<String> allowedAddress() {
        return Optional.ofNullable(allowedAddress);
    }

    /** {@code configureAllowedAddress}: OPTIONAL: whether allowedAddress applies to the VNIC. */
    public Optional<String> configureAllowedAddress() {
        return Optional.ofNullable(configureAllowedAddress);
    }

    /** {@code defrouter}: OPTIONAL: the default router. */
    public Optional<String> defrouter() {
        return Optional.ofNullable(defrouter);
    }

    /** {@code linkProtection}: OPTIONAL: link protection types. */
    public Optional<String> linkProtection() {
        return Optional.ofNullable(linkProtection);
    }

    /** {@code macAddress}: OPTIONAL: the VNIC MAC address. */
    public Optional<String> macAddress() {
        return Optional.ofNullable(macAddress);
    }

    /** Members this model does not know, as compact JSON text by key, in document order. */
    public Map<String, String> extensions() {
        return extensions;
    }

    static SolarisAnet fromJson(JsonFields f) {
        Builder b = new Builder();
        f.string("linkname").ifPresent(b::linkname);
        f.string("lowerLink").ifPresent(b::lowerLink);
        f.string("allowedAddress").ifPresent(b::allowedAddress);
        f.string("configureAllowedAddress").ifPresent(b::configureAllowedAddress);
        f.string("defrouter").ifPresent(b::defrouter);
        f.string("linkProtection").ifPresent(b::linkProtection);
        f.string("macAddress").ifPresent(b::macAddress);
        b.extensions.putAll(f.unknown());
        return b.build();
    }

    ObjectNode toJson() {
        return new JsonObjectWriter()
                .putIfNotEmpty("linkname", linkname)
                .putIfNotEmpty("lowerLink", lowerLink)
                .putIfNotEmpty("allowedAddress", allowedAddress)
                .putIfNotEmpty("configureAllowedAddress", configureAllowedAddress)
                .putIfNotEmpty("defrouter", defrouter)
                .putIfNotEmpty("linkProtection", linkProtection)
                .putIfNotEmpty("macAddress", macAddress)
                .extensions(extensions)
                .node();
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof SolarisAnet other)) {
            return false;
        }
        return Objects.equals(linkname, other.linkname)
                && Objects.equals(lowerLink, other.lowerLink)
                && Objects.equals(allowedAddress, other.allowedAddress)
                && Objects.equals(configureAllowedAddress, other.configureAllowedAddress)
                && Objects.equals(defrouter, other.defrouter)
                && Objects.equals(linkProtection, other.linkProtection)
                && Objects.equals(macAddress, other.macAddress)
                && extensions.equals(other.extensions);
    }

    @Override
    public int hashCode() {
        return Objects.hash(linkname, lowerLink, allowedAddress, configureAllowedAddress, defrouter, linkProtection, macAddress, extensions);
    }

    /** Compact JSON, as written to disk. */
    @Override
    public String toString() {
        return "SolarisAnet" + Json.text(toJson());
    }

    /** Builds a {@link SolarisAnet}; unset members take the value Go's encoding/json would give them. */
    public static final class Builder {

        private String linkname;
        private String lowerLink;
        private String allowedAddress;
        private String configureAllowedAddress;
        private String defrouter;
        private String linkProtection;
        private String macAddress;
        private Map<String, String> extensions = new LinkedHashMap<>();

        private Builder() {
        }

        /** Sets {@code linkname}; the empty string leaves it out, as Go's omitempty does. */
        public Builder linkname(String linkname) {
            Objects.requireNonNull(linkname, "linkname");
            this.linkname = linkname.isEmpty() ? null : linkname;
            return this;
        }

        public Builder clearLinkname() {
            this.linkname = null;
            return this;
        }

        /** Sets {@code lowerLink}; the empty string leaves it out, as Go's omitempty does. */
        public Builder lowerLink(String lowerLink) {
            Objects.requireNonNull(lowerLink, "lowerLink");
            this.lowerLink = lowerLink.isEmpty() ? null : lowerLink;
            return this;
        }

        public Builder clearLowerLink() {
            this.lowerLink = null;
            return this;
        }

        /** Sets {@code allowedAddress}; the empty string leaves it out, as Go's omitempty does. */
        public Builder allowedAddress(String allowedAddress) {
            Objects.requireNonNull(allowedAddress, "allowedAddress");
            this.allowedAddress = allowedAddress.isEmpty() ? null : allowedAddress;
            return this;
        }

        public Builder clearAllowedAddress() {
            this.allowedAddress = null;
            return this;
        }

        /** Sets {@code configureAllowedAddress}; the empty string leaves it out, as Go's omitempty does. */
        public Builder configureAllowedAddress(String configureAllowedAddress) {
            Objects.requireNonNull(configureAllowedAddress, "configureAllowedAddress");
            this.configureAllowedAddress = configureAllowedAddress.isEmpty() ? null : configureAllowedAddress;
            return this;
        }

        public Builder clearConfigureAllowedAddress() {
            this.configureAllowedAddress = null;
            return this;
        }

        /** Sets {@code defrouter}; the empty string leaves it out, as Go's omitempty does. */
        public Builder defrouter(String defrouter) {
            Objects.requireNonNull(defrouter, "defrouter");
            this.defrouter = defrouter.isEmpty() ? null : defrouter;
            return this;
        }

        public Builder clearDefrouter() {
            this.defrouter = null;
            return this;
        }

        /** Sets {@code linkProtection}; the empty string leaves it out, as Go's omitempty does. */
        public Builder linkProtection(String linkProtection) {
            Objects.requireNonNull(linkProtection, "linkProtection");
            this.linkProtection = linkProtection.isEmpty() ? null : linkProtection;
            return this;
        }

        public Builder clearLinkProtection() {
            this.linkProtection = null;
            return this;
        }

        /** Sets {@code macAddress}; the empty string leaves it out, as Go's omitempty does. */
        public Builder macAddress(String macAddress) {
            Objects.requireNonNull(macAddress, "macAddress");
            this.macAddress = macAddress.isEmpty() ? null : macAddress;
            return this;
        }

        public Builder clearMacAddress() {
            this.macAddress = null;
            return this;
        }

        /** Replaces the unknown members: key to JSON value as text. */
        public Builder extensions(Map<String, String> extensions) {
            this.extensions = new LinkedHashMap<>();
            extensions.forEach(this::putExtension);
            return this;
        }

        /** Adds an unknown member; {@code rawJson} must be one JSON value. A known key is never overwritten on output. */
        public Builder putExtension(String key, String rawJson) {
            Objects.requireNonNull(key, "key");
            this.extensions.put(key, Json.text(Json.parseValue(Objects.requireNonNull(rawJson, "rawJson"))));
            return this;
        }

        public Builder removeExtension(String key) {
            this.extensions.remove(key);
            return this;
        }

        public SolarisAnet build() {
            return new SolarisAnet(this);
        }
    }
}
