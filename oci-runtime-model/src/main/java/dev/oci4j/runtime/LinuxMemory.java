package dev.oci4j.runtime;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.oci4j.runtime.internal.json.IntType;
import dev.oci4j.runtime.internal.json.Json;
import dev.oci4j.runtime.internal.json.JsonFields;
import dev.oci4j.runtime.internal.json.JsonObjectWriter;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The memory cgroup limits.
 *
 * <p>Spec: <a href="https://github.com/opencontainers/runtime-spec/blob/v1.2.0/config-linux.md#memory">config-linux.md#memory</a> (runtime-spec v1.2). Members this model does not know
 * are kept in {@link #extensions()} and written back after the known ones.
 *
 * <pre>{@code
 * {"limit":536870912,"reservation":536870912,"swap":536870912,"swappiness":0}
 * }</pre>
 */
public final class LinuxMemory {

    private final Long limit;
    private final Long reservation;
    private final Long swap;
    private final Long kernel;
    private final Long kernelTCP;
    private final Long swappiness;
    private final Boolean disableOOMKiller;
    private final Boolean useHierarchy;
    private final Boolean checkBeforeUpdate;
    private final Map<String, String> extensions;

    private LinuxMemory(Builder b) {
        this.limit = b.limit;
        this.reservation = b.reservation;
        this.swap = b.swap;
        this.kernel = b.kernel;
        this.kernelTCP = b.kernelTCP;
        this.swappiness = b.swappiness;
        this.disableOOMKiller = b.disableOOMKiller;
        this.useHierarchy = b.useHierarchy;
        this.checkBeforeUpdate = b.checkBeforeUpdate;
        this.extensions = b.extensions.isEmpty() ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(b.extensions));
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this object's values, to derive a changed copy. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.limit = limit;
        b.reservation = reservation;
        b.swap = swap;
        b.kernel = kernel;
        b.kernelTCP = kernelTCP;
        b.swappiness = swappiness;
        b.disableOOMKiller = disableOOMKiller;
        b.useHierarchy = useHierarchy;
        b.checkBeforeUpdate = checkBeforeUpdate;
        b.extensions = new LinkedHashMap<>(extensions);
        return b;
    }

    /** {@code limit}: OPTIONAL: memory usage limit in bytes; -1 is unlimited (int64). */
    public OptionalLong limit() {
        return limit == null ? OptionalLong.empty() : OptionalLong.of(limit);
    }

    /** {@code reservation}: OPTIONAL: soft limit in bytes (int64). */
    public OptionalLong reservation() {
        return reservation == null ? OptionalLong.empty() : OptionalLong.of(reservation);
    }

    /** {@code swap}: OPTIONAL: memory plus swap limit in bytes (int64). */
    public OptionalLong swap() {
        return swap == null ? OptionalLong.empty() : OptionalLong.of(swap);
    }

    /** {@code kernel}: DEPRECATED: kernel memory limit in bytes (int64). */
    public OptionalLong kernel() {
        return kernel == null ? OptionalLong.empty() : OptionalLong.of(kernel);
    }

    /** {@code kernelTCP}: OPTIONAL: kernel TCP buffer limit in bytes (int64). */
    public OptionalLong kernelTCP() {
        return kernelTCP == null ? OptionalLong.empty() : OptionalLong.of(kernelTCP);
    }

    /** {@code swappiness}: OPTIONAL: swappiness, 0 to 100 (uint64). Unsigned: read with {@link Long#toUnsignedString(long)}. */
    public OptionalLong swappiness() {
        return swappiness == null ? OptionalLong.empty() : OptionalLong.of(swappiness);
    }

    /** {@code disableOOMKiller}: OPTIONAL: disable the OOM killer. */
    public Optional<Boolean> disableOOMKiller() {
        return Optional.ofNullable(disableOOMKiller);
    }

    /** {@code useHierarchy}: OPTIONAL: hierarchical memory accounting. */
    public Optional<Boolean> useHierarchy() {
        return Optional.ofNullable(useHierarchy);
    }

    /** {@code checkBeforeUpdate}: OPTIONAL: reject an update below current usage. */
    public Optional<Boolean> checkBeforeUpdate() {
        return Optional.ofNullable(checkBeforeUpdate);
    }

    /** Members this model does not know, as compact JSON text by key, in document order. */
    public Map<String, String> extensions() {
        return extensions;
    }

    static LinuxMemory fromJson(JsonFields f) {
        Builder b = new Builder();
        f.integer("limit", IntType.I64).ifPresent(v -> b.limit = v);
        f.integer("reservation", IntType.I64).ifPresent(v -> b.reservation = v);
        f.integer("swap", IntType.I64).ifPresent(v -> b.swap = v);
        f.integer("kernel", IntType.I64).ifPresent(v -> b.kernel = v);
        f.integer("kernelTCP", IntType.I64).ifPresent(v -> b.kernelTCP = v);
        f.integer("swappiness", IntType.U64).ifPresent(v -> b.swappiness = v);
        f.bool("disableOOMKiller").ifPresent(b::disableOOMKiller);
        f.bool("useHierarchy").ifPresent(b::useHierarchy);
        f.bool("checkBeforeUpdate").ifPresent(b::checkBeforeUpdate);
        b.extensions.putAll(f.unknown());
        return b.build();
    }

    ObjectNode toJson() {
        return new JsonObjectWriter()
                .putIfPresent("limit", limit(), IntType.I64)
                .putIfPresent("reservation", reservation(), IntType.I64)
                .putIfPresent("swap", swap(), IntType.I64)
                .putIfPresent("kernel", kernel(), IntType.I64)
                .putIfPresent("kernelTCP", kernelTCP(), IntType.I64)
                .putIfPresent("swappiness", swappiness(), IntType.U64)
                .putBooleanIfPresent("disableOOMKiller", disableOOMKiller())
                .putBooleanIfPresent("useHierarchy", useHierarchy())
                .putBooleanIfPresent("checkBeforeUpdate", checkBeforeUpdate())
                .extensions(extensions)
                .node();
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof LinuxMemory other)) {
            return false;
        }
        return Objects.equals(limit, other.limit)
                && Objects.equals(reservation, other.reservation)
                && Objects.equals(swap, other.swap)
                && Objects.equals(kernel, other.kernel)
                && Objects.equals(kernelTCP, other.kernelTCP)
                && Objects.equals(swappiness, other.swappiness)
                && Objects.equals(disableOOMKiller, other.disableOOMKiller)
                && Objects.equals(useHierarchy, other.useHierarchy)
                && Objects.equals(checkBeforeUpdate, other.checkBeforeUpdate)
                && extensions.equals(other.extensions);
    }

    @Override
    public int hashCode() {
        return Objects.hash(limit, reservation, swap, kernel, kernelTCP, swappiness, disableOOMKiller, useHierarchy, checkBeforeUpdate, extensions);
    }

    /** Compact JSON, as written to disk. */
    @Override
    public String toString() {
        return "LinuxMemory" + Json.text(toJson());
    }

    /** Builds a {@link LinuxMemory}; unset members take the value Go's encoding/json would give them. */
    public static final class Builder {

        private Long limit;
        private Long reservation;
        private Long swap;
        private Long kernel;
        private Long kernelTCP;
        private Long swappiness;
        private Boolean disableOOMKiller;
        private Boolean useHierarchy;
        private Boolean checkBeforeUpdate;
        private Map<String, String> extensions = new LinkedHashMap<>();

        private Builder() {
        }

        public Builder limit(long limit) {
            this.limit = IntType.I64.check("limit", limit);
            return this;
        }

        public Builder clearLimit() {
            this.limit = null;
            return this;
        }

        public Builder reservation(long reservation) {
            this.reservation = IntType.I64.check("reservation", reservation);
            return this;
        }

        public Builder clearReservation() {
            this.reservation = null;
            return this;
        }

        public Builder swap(long swap) {
            this.swap = IntType.I64.check("swap", swap);
            return this;
        }

        public Builder clearSwap() {
            this.swap = null;
            return this;
        }

        public Builder kernel(long kernel) {
            this.kernel = IntType.I64.check("kernel", kernel);
            return this;
        }

        public Builder clearKernel() {
            this.kernel = null;
            return this;
        }

        public Builder kernelTCP(long kernelTCP) {
            this.kernelTCP = IntType.I64.check("kernelTCP", kernelTCP);
            return this;
        }

        public Builder clearKernelTCP() {
            this.kernelTCP = null;
            return this;
        }

        public Builder swappiness(long swappiness) {
            this.swappiness = IntType.U64.check("swappiness", swappiness);
            return this;
        }

        public Builder clearSwappiness() {
            this.swappiness = null;
            return this;
        }

        public Builder disableOOMKiller(boolean disableOOMKiller) {
            this.disableOOMKiller = disableOOMKiller;
            return this;
        }

        public Builder clearDisableOOMKiller() {
            this.disableOOMKiller = null;
            return this;
        }

        public Builder useHierarchy(boolean useHierarchy) {
            this.useHierarchy = useHierarchy;
            return this;
        }

        public Builder clearUseHierarchy() {
            this.useHierarchy = null;
            return this;
        }

        public Builder checkBeforeUpdate(boolean checkBeforeUpdate) {
            this.checkBeforeUpdate = checkBeforeUpdate;
            return this;
        }

        public Builder clearCheckBeforeUpdate() {
            this.checkBeforeUpdate = null;
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

        public LinuxMemory build() {
            return new LinuxMemory(this);
        }
    }
}
