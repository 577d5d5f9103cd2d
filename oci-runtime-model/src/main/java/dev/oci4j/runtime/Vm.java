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
 * The configuration of a virtual-machine-based container.
 *
 * <p>Spec: <a href="https://github.com/opencontainers/runtime-spec/blob/v1.2.0/config-vm.md">config-vm.md</a> (runtime-spec v1.2). Members this model does not know
 * are kept in {@link #extensions()} and written back after the known ones.
 *
 * <pre>{@code
 * {"kernel":{"path":"/path/to/vmlinuz"}}
 * }</pre>
 */
public final class Vm {

    private final VmHypervisor hypervisor;
    private final VmKernel kernel;
    private final VmImage image;
    private final Map<String, String> extensions;

    private Vm(Builder b) {
        this.hypervisor = b.hypervisor;
        this.kernel = b.kernel;
        this.image = b.image;
        this.extensions = b.extensions.isEmpty() ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(b.extensions));
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this object's values, to derive a changed copy. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.hypervisor = hypervisor;
        b.kernel = kernel;
        b.image = image;
        b.extensions = new LinkedHashMap<>(extensions);
        return b;
    }

    /** {@code hypervisor}: OPTIONAL: the hypervisor. */
    public Optional<VmHypervisor> hypervisor() {
        return Optional.ofNullable(hypervisor);
    }

    /** {@code kernel}: REQUIRED: the kernel to boot. */
    public VmKernel kernel() {
        return kernel;
    }

    /** {@code image}: OPTIONAL: the root image. */
    public Optional<VmImage> image() {
        return Optional.ofNullable(image);
    }

    /** Members this model does not know, as compact JSON text by key, in document order. */
    public Map<String, String> extensions() {
        return extensions;
    }

    static Vm fromJson(JsonFields f) {
        Builder b = new Builder();
        f.object("hypervisor", VmHypervisor::fromJson).ifPresent(v -> b.hypervisor = v);
        f.object("kernel", VmKernel::fromJson).ifPresent(v -> b.kernel = v);
        f.object("image", VmImage::fromJson).ifPresent(v -> b.image = v);
        b.extensions.putAll(f.unknown());
        return b.build();
    }

    ObjectNode toJson() {
        return new JsonObjectWriter()
                .putObjectIfPresent("hypervisor", hypervisor(), VmHypervisor::toJson)
                .put("kernel", kernel.toJson())
                .putObjectIfPresent("image", image(), VmImage::toJson)
                .extensions(extensions)
                .node();
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof Vm other)) {
            return false;
        }
        return Objects.equals(hypervisor, other.hypervisor)
                && Objects.equals(kernel, other.kernel)
                && Objects.equals(image, other.image)
                && extensions.equals(other.extensions);
    }

    @Override
    public int hashCode() {
        return Objects.hash(hypervisor, kernel, image, extensions);
    }

    /** Compact JSON, as written to disk. */
    @Override
    public String toString() {
        return "Vm" + Json.text(toJson());
    }

    /** Builds a {@link Vm}; unset members take the value Go's encoding/json would give them. */
    public static final class Builder {

        private VmHypervisor hypervisor;
        private VmKernel kernel = VmKernel.builder().build();
        private VmImage image;
        private Map<String, String> extensions = new LinkedHashMap<>();

        private Builder() {
        }

        public Builder hypervisor(VmHypervisor hypervisor) {
            this.hypervisor = Objects.requireNonNull(hypervisor, "hypervisor");
            return this;
        }

        public Builder clearHypervisor() {
            this.hypervisor = null;
            return this;
        }

        public Builder kernel(VmKernel kernel) {
            this.kernel = Objects.requireNonNull(kernel, "kernel");
            return this;
        }

        public Builder image(VmImage image) {
            this.image = Objects.requireNonNull(image, "image");
            return this;
        }

        public Builder clearImage() {
            this.image = null;
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

        public Vm build() {
            return new Vm(this);
        }
    }
}
