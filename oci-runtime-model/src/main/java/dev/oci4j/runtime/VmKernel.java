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
 * The kernel of a virtual-machine-based container.
 *
 * <p>Spec: <a href="https://github.com/opencontainers/runtime-spec/blob/v1.2.0/config-vm.md#kernel-object">config-vm.md#kernel-object</a> (runtime-spec v1.2). Members this model does not know
 * are kept in {@link #extensions()} and written back after the known ones.
 *
 * <pre>{@code
 * {"path":"/path/to/vmlinuz","initrd":"/path/to/initrd.img"}
 * }</pre>
 */
public final class VmKernel {

    private final String path;
    private final List<String> parameters;
    private final String initrd;
    private final Map<String, String> extensions;

    private VmKernel(Builder b) {
        this.path = b.path;
        this.parameters = List.copyOf(b.parameters);
        this.initrd = b.initrd;
        this.extensions = b.extensions.isEmpty() ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(b.extensions));
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this object's values, to derive a changed copy. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.path = path;
        b.parameters = new ArrayList<>(parameters);
        b.initrd = initrd;
        b.extensions = new LinkedHashMap<>(extensions);
        return b;
    }

    /** {@code path}: REQUIRED: absolute host path of the kernel. */
    public String path() {
        return path;
    }

    /** {@code parameters}: OPTIONAL: kernel parameters. */
    public List<String> parameters() {
        return parameters;
    }

    /** {@code initrd}: OPTIONAL: absolute host path of an initial ramdisk. */
    public Optional<String> initrd() {
        return Optional.ofNullable(initrd);
    }

    /** Members this model does not know, as compact JSON text by key, in document order. */
    public Map<String, String> extensions() {
        return extensions;
    }

    static VmKernel fromJson(JsonFields f) {
        Builder b = new Builder();
        f.string("path").ifPresent(b::path);
        b.parameters.addAll(f.stringList("parameters"));
        f.string("initrd").ifPresent(b::initrd);
        b.extensions.putAll(f.unknown());
        return b.build();
    }

    ObjectNode toJson() {
        return new JsonObjectWriter()
                .put("path", path)
                .putStringsIfNotEmpty("parameters", parameters)
                .putIfNotEmpty("initrd", initrd)
                .extensions(extensions)
                .node();
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof VmKernel other)) {
            return false;
        }
        return Objects.equals(path, other.path)
                && Objects.equals(parameters, other.parameters)
                && Objects.equals(initrd, other.initrd)
                && extensions.equals(other.extensions);
    }

    @Override
    public int hashCode() {
        return Objects.hash(path, parameters, initrd, extensions);
    }

    /** Compact JSON, as written to disk. */
    @Override
    public String toString() {
        return "VmKernel" + Json.text(toJson());
    }

    /** Builds a {@link VmKernel}; unset members take the value Go's encoding/json would give them. */
    public static final class Builder {

        private String path = "";
        private List<String> parameters = new ArrayList<>();
        private String initrd;
        private Map<String, String> extensions = new LinkedHashMap<>();

        private Builder() {
        }

        public Builder path(String path) {
            this.path = Objects.requireNonNull(path, "path");
            return this;
        }

        /** Replaces {@code parameters}. */
        public Builder parameters(Collection<? extends String> parameters) {
            this.parameters = new ArrayList<>(List.copyOf(parameters));
            return this;
        }

        /** Appends one entry to {@code parameters}. */
        public Builder addParameter(String parameter) {
            this.parameters.add(Objects.requireNonNull(parameter, "parameter"));
            return this;
        }

        /** Sets {@code initrd}; the empty string leaves it out, as Go's omitempty does. */
        public Builder initrd(String initrd) {
            Objects.requireNonNull(initrd, "initrd");
            this.initrd = initrd.isEmpty() ? null : initrd;
            return this;
        }

        public Builder clearInitrd() {
            this.initrd = null;
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

        public VmKernel build() {
            return new VmKernel(this);
        }
    }
}
