package dev.oci4j.runtime;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.oci4j.runtime.internal.json.Json;
import dev.oci4j.runtime.internal.json.JsonFields;
import dev.oci4j.runtime.internal.json.JsonObjectWriter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The Windows-specific part of the configuration.
 *
 * <p>Spec: <a href="https://github.com/opencontainers/runtime-spec/blob/v1.2.0/config-windows.md">config-windows.md</a> (runtime-spec v1.2). Members this model does not know
 * are kept in {@link #extensions()} and written back after the known ones.
 *
 * <pre>{@code
 * {"layerFolders":["C:\\Layers\\layer1"]}
 * }</pre>
 */
public final class Windows {

    private final List<String> layerFolders;
    private final List<WindowsDevice> devices;
    private final WindowsResources resources;
    private final String credentialSpec;
    private final boolean servicing;
    private final boolean ignoreFlushesDuringBoot;
    private final WindowsHyperV hyperv;
    private final WindowsNetwork network;
    private final Map<String, String> extensions;

    private Windows(Builder b) {
        this.layerFolders = List.copyOf(b.layerFolders);
        this.devices = List.copyOf(b.devices);
        this.resources = b.resources;
        this.credentialSpec = b.credentialSpec;
        this.servicing = b.servicing;
        this.ignoreFlushesDuringBoot = b.ignoreFlushesDuringBoot;
        this.hyperv = b.hyperv;
        this.network = b.network;
        this.extensions = b.extensions.isEmpty() ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(b.extensions));
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this object's values, to derive a changed copy. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.layerFolders = new ArrayList<>(layerFolders);
        b.devices = new ArrayList<>(devices);
        b.resources = resources;
        b.credentialSpec = credentialSpec;
        b.servicing = servicing;
        b.ignoreFlushesDuringBoot = ignoreFlushesDuringBoot;
        b.hyperv = hyperv;
        b.network = network;
        b.extensions = new LinkedHashMap<>(extensions);
        return b;
    }

    /** {@code layerFolders}: REQUIRED: layer folders, at least one. */
    public List<String> layerFolders() {
        return layerFolders;
    }

    /** {@code devices}: OPTIONAL: devices mapped into the container. */
    public List<WindowsDevice> devices() {
        return devices;
    }

    /** {@code resources}: OPTIONAL: resource limits. */
    public Optional<WindowsResources> resources() {
        return Optional.ofNullable(resources);
    }

    /** {@code credentialSpec}: OPTIONAL: a gMSA credential spec, any JSON (raw JSON text). */
    public Optional<String> credentialSpec() {
        return Optional.ofNullable(credentialSpec);
    }

    /** {@code servicing}: OPTIONAL: start in servicing mode. */
    public boolean servicing() {
        return servicing;
    }

    /** {@code ignoreFlushesDuringBoot}: OPTIONAL: do not flush disk writes during boot. */
    public boolean ignoreFlushesDuringBoot() {
        return ignoreFlushesDuringBoot;
    }

    /** {@code hyperv}: OPTIONAL: Hyper-V isolation. */
    public Optional<WindowsHyperV> hyperv() {
        return Optional.ofNullable(hyperv);
    }

    /** {@code network}: OPTIONAL: network settings. */
    public Optional<WindowsNetwork> network() {
        return Optional.ofNullable(network);
    }

    /** Members this model does not know, as compact JSON text by key, in document order. */
    public Map<String, String> extensions() {
        return extensions;
    }

    static Windows fromJson(JsonFields f) {
        Builder b = new Builder();
        b.layerFolders.addAll(f.stringList("layerFolders"));
        b.devices.addAll(f.objectList("devices", WindowsDevice::fromJson));
        f.object("resources", WindowsResources::fromJson).ifPresent(v -> b.resources = v);
        f.raw("credentialSpec").ifPresent(v -> b.credentialSpec = v);
        f.bool("servicing").ifPresent(b::servicing);
        f.bool("ignoreFlushesDuringBoot").ifPresent(b::ignoreFlushesDuringBoot);
        f.object("hyperv", WindowsHyperV::fromJson).ifPresent(v -> b.hyperv = v);
        f.object("network", WindowsNetwork::fromJson).ifPresent(v -> b.network = v);
        b.extensions.putAll(f.unknown());
        return b.build();
    }

    ObjectNode toJson() {
        return new JsonObjectWriter()
                .putStrings("layerFolders", layerFolders)
                .putObjectsIfNotEmpty("devices", devices, WindowsDevice::toJson)
                .putObjectIfPresent("resources", resources(), WindowsResources::toJson)
                .putRawIfPresent("credentialSpec", credentialSpec())
                .putIfTrue("servicing", servicing)
                .putIfTrue("ignoreFlushesDuringBoot", ignoreFlushesDuringBoot)
                .putObjectIfPresent("hyperv", hyperv(), WindowsHyperV::toJson)
                .putObjectIfPresent("network", network(), WindowsNetwork::toJson)
                .extensions(extensions)
                .node();
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof Windows other)) {
            return false;
        }
        return Objects.equals(layerFolders, other.layerFolders)
                && Objects.equals(devices, other.devices)
                && Objects.equals(resources, other.resources)
                && Objects.equals(credentialSpec, other.credentialSpec)
                && servicing == other.servicing
                && ignoreFlushesDuringBoot == other.ignoreFlushesDuringBoot
                && Objects.equals(hyperv, other.hyperv)
                && Objects.equals(network, other.network)
                && extensions.equals(other.extensions);
    }

    @Override
    public int hashCode() {
        return Objects.hash(layerFolders, devices, resources, credentialSpec, servicing, ignoreFlushesDuringBoot, hyperv, network, extensions);
    }

    /** Compact JSON, as written to disk. */
    @Override
    public String toString() {
        return "Windows" + Json.text(toJson());
    }

    /** Builds a {@link Windows}; unset members take the value Go's encoding/json would give them. */
    public static final class Builder {

        private List<String> layerFolders = new ArrayList<>();
        private List<WindowsDevice> devices = new ArrayList<>();
        private WindowsResources resources;
        private String credentialSpec;
        private boolean servicing;
        private boolean ignoreFlushesDuringBoot;
        private WindowsHyperV hyperv;
        private WindowsNetwork network;
        private Map<String, String> extensions = new LinkedHashMap<>();

        private Builder() {
        }

        /** Replaces {@code layerFolders}. */
        public Builder layerFolders(Collection<? extends String> layerFolders) {
            this.layerFolders = new ArrayList<>(List.copyOf(layerFolders));
            return this;
        }

        /** Appends one entry to {@code layerFolders}. */
        public Builder addLayerFolder(String layerFolder) {
            this.layerFolders.add(Objects.requireNonNull(layerFolder, "layerFolder"));
            return this;
        }

        /** Replaces {@code devices}. */
        public Builder devices(Collection<? extends WindowsDevice> devices) {
            this.devices = new ArrayList<>(List.copyOf(devices));
            return this;
        }

        /** Appends one entry to {@code devices}. */
        public Builder addDevice(WindowsDevice device) {
            this.devices.add(Objects.requireNonNull(device, "device"));
            return this;
        }

        public Builder resources(WindowsResources resources) {
            this.resources = Objects.requireNonNull(resources, "resources");
            return this;
        }

        public Builder clearResources() {
            this.resources = null;
            return this;
        }

        /** Sets {@code credentialSpec} to a JSON value given as text. */
        public Builder credentialSpec(String rawJson) {
            this.credentialSpec = Json.text(Json.parseValue(Objects.requireNonNull(rawJson, "rawJson")));
            return this;
        }

        public Builder clearCredentialSpec() {
            this.credentialSpec = null;
            return this;
        }

        public Builder servicing(boolean servicing) {
            this.servicing = servicing;
            return this;
        }

        public Builder ignoreFlushesDuringBoot(boolean ignoreFlushesDuringBoot) {
            this.ignoreFlushesDuringBoot = ignoreFlushesDuringBoot;
            return this;
        }

        public Builder hyperv(WindowsHyperV hyperv) {
            this.hyperv = Objects.requireNonNull(hyperv, "hyperv");
            return this;
        }

        public Builder clearHyperv() {
            this.hyperv = null;
            return this;
        }

        public Builder network(WindowsNetwork network) {
            this.network = Objects.requireNonNull(network, "network");
            return this;
        }

        public Builder clearNetwork() {
            this.network = null;
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

        public Windows build() {
            return new Windows(this);
        }
    }
}
