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
 * The cpu and cpuset cgroup limits.
 *
 * <p>Spec: <a href="https://github.com/opencontainers/runtime-spec/blob/v1.2.0/config-linux.md#cpu">config-linux.md#cpu</a> (runtime-spec v1.2). Members this model does not know
 * are kept in {@link #extensions()} and written back after the known ones.
 *
 * <pre>{@code
 * {"shares":1024,"quota":1000000,"period":500000,"cpus":"2-3","mems":"0-7"}
 * }</pre>
 */
public final class LinuxCpu {

    private final Long shares;
    private final Long quota;
    private final Long burst;
    private final Long period;
    private final Long realtimeRuntime;
    private final Long realtimePeriod;
    private final String cpus;
    private final String mems;
    private final Long idle;
    private final Map<String, String> extensions;

    private LinuxCpu(Builder b) {
        this.shares = b.shares;
        this.quota = b.quota;
        this.burst = b.burst;
        this.period = b.period;
        this.realtimeRuntime = b.realtimeRuntime;
        this.realtimePeriod = b.realtimePeriod;
        this.cpus = b.cpus;
        this.mems = b.mems;
        this.idle = b.idle;
        this.extensions = b.extensions.isEmpty() ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(b.extensions));
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this object's values, to derive a changed copy. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.shares = shares;
        b.quota = quota;
        b.burst = burst;
        b.period = period;
        b.realtimeRuntime = realtimeRuntime;
        b.realtimePeriod = realtimePeriod;
        b.cpus = cpus;
        b.mems = mems;
        b.idle = idle;
        b.extensions = new LinkedHashMap<>(extensions);
        return b;
    }

    /** {@code shares}: OPTIONAL: relative share of CPU time (uint64). Unsigned: read with {@link Long#toUnsignedString(long)}. */
    public OptionalLong shares() {
        return shares == null ? OptionalLong.empty() : OptionalLong.of(shares);
    }

    /** {@code quota}: OPTIONAL: CPU time in microseconds per period (int64). */
    public OptionalLong quota() {
        return quota == null ? OptionalLong.empty() : OptionalLong.of(quota);
    }

    /** {@code burst}: OPTIONAL: accumulated CPU time allowed in bursts, microseconds (uint64). Unsigned: read with {@link Long#toUnsignedString(long)}. */
    public OptionalLong burst() {
        return burst == null ? OptionalLong.empty() : OptionalLong.of(burst);
    }

    /** {@code period}: OPTIONAL: the CFS period in microseconds (uint64). Unsigned: read with {@link Long#toUnsignedString(long)}. */
    public OptionalLong period() {
        return period == null ? OptionalLong.empty() : OptionalLong.of(period);
    }

    /** {@code realtimeRuntime}: OPTIONAL: realtime CPU time in microseconds (int64). */
    public OptionalLong realtimeRuntime() {
        return realtimeRuntime == null ? OptionalLong.empty() : OptionalLong.of(realtimeRuntime);
    }

    /** {@code realtimePeriod}: OPTIONAL: realtime period in microseconds (uint64). Unsigned: read with {@link Long#toUnsignedString(long)}. */
    public OptionalLong realtimePeriod() {
        return realtimePeriod == null ? OptionalLong.empty() : OptionalLong.of(realtimePeriod);
    }

    /** {@code cpus}: OPTIONAL: CPUs the container may use (cpuset list). */
    public Optional<String> cpus() {
        return Optional.ofNullable(cpus);
    }

    /** {@code mems}: OPTIONAL: memory nodes the container may use (cpuset list). */
    public Optional<String> mems() {
        return Optional.ofNullable(mems);
    }

    /** {@code idle}: OPTIONAL: 1 for SCHED_IDLE, 0 for the default (int64). */
    public OptionalLong idle() {
        return idle == null ? OptionalLong.empty() : OptionalLong.of(idle);
    }

    /** Members this model does not know, as compact JSON text by key, in document order. */
    public Map<String, String> extensions() {
        return extensions;
    }

    static LinuxCpu fromJson(JsonFields f) {
        Builder b = new Builder();
        f.integer("shares", IntType.U64).ifPresent(v -> b.shares = v);
        f.integer("quota", IntType.I64).ifPresent(v -> b.quota = v);
        f.integer("burst", IntType.U64).ifPresent(v -> b.burst = v);
        f.integer("period", IntType.U64).ifPresent(v -> b.period = v);
        f.integer("realtimeRuntime", IntType.I64).ifPresent(v -> b.realtimeRuntime = v);
        f.integer("realtimePeriod", IntType.U64).ifPresent(v -> b.realtimePeriod = v);
        f.string("cpus").ifPresent(b::cpus);
        f.string("mems").ifPresent(b::mems);
        f.integer("idle", IntType.I64).ifPresent(v -> b.idle = v);
        b.extensions.putAll(f.unknown());
        return b.build();
    }

    ObjectNode toJson() {
        return new JsonObjectWriter()
                .putIfPresent("shares", shares(), IntType.U64)
                .putIfPresent("quota", quota(), IntType.I64)
                .putIfPresent("burst", burst(), IntType.U64)
                .putIfPresent("period", period(), IntType.U64)
                .putIfPresent("realtimeRuntime", realtimeRuntime(), IntType.I64)
                .putIfPresent("realtimePeriod", realtimePeriod(), IntType.U64)
                .putIfNotEmpty("cpus", cpus)
                .putIfNotEmpty("mems", mems)
                .putIfPresent("idle", idle(), IntType.I64)
                .extensions(extensions)
                .node();
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof LinuxCpu other)) {
            return false;
        }
        return Objects.equals(shares, other.shares)
                && Objects.equals(quota, other.quota)
                && Objects.equals(burst, other.burst)
                && Objects.equals(period, other.period)
                && Objects.equals(realtimeRuntime, other.realtimeRuntime)
                && Objects.equals(realtimePeriod, other.realtimePeriod)
                && Objects.equals(cpus, other.cpus)
                && Objects.equals(mems, other.mems)
                && Objects.equals(idle, other.idle)
                && extensions.equals(other.extensions);
    }

    @Override
    public int hashCode() {
        return Objects.hash(shares, quota, burst, period, realtimeRuntime, realtimePeriod, cpus, mems, idle, extensions);
    }

    /** Compact JSON, as written to disk. */
    @Override
    public String toString() {
        return "LinuxCpu" + Json.text(toJson());
    }

    /** Builds a {@link LinuxCpu}; unset members take the value Go's encoding/json would give them. */
    public static final class Builder {

        private Long shares;
        private Long quota;
        private Long burst;
        private Long period;
        private Long realtimeRuntime;
        private Long realtimePeriod;
        private String cpus;
        private String mems;
        private Long idle;
        private Map<String, String> extensions = new LinkedHashMap<>();

        private Builder() {
        }

        public Builder shares(long shares) {
            this.shares = IntType.U64.check("shares", shares);
            return this;
        }

        public Builder clearShares() {
            this.shares = null;
            return this;
        }

        public Builder quota(long quota) {
            this.quota = IntType.I64.check("quota", quota);
            return this;
        }

        public Builder clearQuota() {
            this.quota = null;
            return this;
        }

        public Builder burst(long burst) {
            this.burst = IntType.U64.check("burst", burst);
            return this;
        }

        public Builder clearBurst() {
            this.burst = null;
            return this;
        }

        public Builder period(long period) {
            this.period = IntType.U64.check("period", period);
            return this;
        }

        public Builder clearPeriod() {
            this.period = null;
            return this;
        }

        public Builder realtimeRuntime(long realtimeRuntime) {
            this.realtimeRuntime = IntType.I64.check("realtimeRuntime", realtimeRuntime);
            return this;
        }

        public Builder clearRealtimeRuntime() {
            this.realtimeRuntime = null;
            return this;
        }

        public Builder realtimePeriod(long realtimePeriod) {
            this.realtimePeriod = IntType.U64.check("realtimePeriod", realtimePeriod);
            return this;
        }

        public Builder clearRealtimePeriod() {
            this.realtimePeriod = null;
            return this;
        }

        /** Sets {@code cpus}; the empty string leaves it out, as Go's omitempty does. */
        public Builder cpus(String cpus) {
            Objects.requireNonNull(cpus, "cpus");
            this.cpus = cpus.isEmpty() ? null : cpus;
            return this;
        }

        public Builder clearCpus() {
            this.cpus = null;
            return this;
        }

        /** Sets {@code mems}; the empty string leaves it out, as Go's omitempty does. */
        public Builder mems(String mems) {
            Objects.requireNonNull(mems, "mems");
            this.mems = mems.isEmpty() ? null : mems;
            return this;
        }

        public Builder clearMems() {
            this.mems = null;
            return this;
        }

        public Builder idle(long idle) {
            this.idle = IntType.I64.check("idle", idle);
            return this;
        }

        public Builder clearIdle() {
            this.idle = null;
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

        public LinuxCpu build() {
            return new LinuxCpu(this);
        }
    }
}
