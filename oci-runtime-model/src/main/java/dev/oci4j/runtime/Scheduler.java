package dev.oci4j.runtime;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.oci4j.runtime.internal.json.IntType;
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

/**
 * Scheduling attributes of the container process, as sched_setattr(2).
 *
 * <p>Spec: <a href="https://github.com/opencontainers/runtime-spec/blob/v1.2.0/config.md#process">config.md#process</a> (runtime-spec v1.2). Members this model does not know
 * are kept in {@link #extensions()} and written back after the known ones.
 *
 * <pre>{@code
 * {"policy":"SCHED_FIFO","priority":10}
 * }</pre>
 */
public final class Scheduler {

    private final LinuxSchedulerPolicy policy;
    private final long nice;
    private final long priority;
    private final List<LinuxSchedulerFlag> flags;
    private final long runtime;
    private final long deadline;
    private final long period;
    private final Map<String, String> extensions;

    private Scheduler(Builder b) {
        this.policy = b.policy;
        this.nice = b.nice;
        this.priority = b.priority;
        this.flags = List.copyOf(b.flags);
        this.runtime = b.runtime;
        this.deadline = b.deadline;
        this.period = b.period;
        this.extensions = b.extensions.isEmpty() ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(b.extensions));
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this object's values, to derive a changed copy. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.policy = policy;
        b.nice = nice;
        b.priority = priority;
        b.flags = new ArrayList<>(flags);
        b.runtime = runtime;
        b.deadline = deadline;
        b.period = period;
        b.extensions = new LinkedHashMap<>(extensions);
        return b;
    }

    /** {@code policy}: REQUIRED: the scheduling policy. */
    public LinuxSchedulerPolicy policy() {
        return policy;
    }

    /** {@code nice}: OPTIONAL: the nice value (SCHED_OTHER, SCHED_BATCH). */
    public long nice() {
        return nice;
    }

    /** {@code priority}: OPTIONAL: the static priority (SCHED_FIFO, SCHED_RR). */
    public long priority() {
        return priority;
    }

    /** {@code flags}: OPTIONAL: scheduling flags. */
    public List<LinuxSchedulerFlag> flags() {
        return flags;
    }

    /** {@code runtime}: OPTIONAL: SCHED_DEADLINE runtime in nanoseconds (uint64). Unsigned: read with {@link Long#toUnsignedString(long)}. */
    public long runtime() {
        return runtime;
    }

    /** {@code deadline}: OPTIONAL: SCHED_DEADLINE deadline in nanoseconds (uint64). Unsigned: read with {@link Long#toUnsignedString(long)}. */
    public long deadline() {
        return deadline;
    }

    /** {@code period}: OPTIONAL: SCHED_DEADLINE period in nanoseconds (uint64). Unsigned: read with {@link Long#toUnsignedString(long)}. */
    public long period() {
        return period;
    }

    /** Members this model does not know, as compact JSON text by key, in document order. */
    public Map<String, String> extensions() {
        return extensions;
    }

    static Scheduler fromJson(JsonFields f) {
        Builder b = new Builder();
        f.string("policy").ifPresent(v -> b.policy(LinuxSchedulerPolicy.of(v)));
        f.integer("nice", IntType.I32).ifPresent(v -> b.nice = v);
        f.integer("priority", IntType.I32).ifPresent(v -> b.priority = v);
        f.stringList("flags").forEach(v -> b.flags.add(LinuxSchedulerFlag.of(v)));
        f.integer("runtime", IntType.U64).ifPresent(v -> b.runtime = v);
        f.integer("deadline", IntType.U64).ifPresent(v -> b.deadline = v);
        f.integer("period", IntType.U64).ifPresent(v -> b.period = v);
        b.extensions.putAll(f.unknown());
        return b.build();
    }

    ObjectNode toJson() {
        return new JsonObjectWriter()
                .put("policy", policy.value())
                .putIfNotZero("nice", nice, IntType.I32)
                .putIfNotZero("priority", priority, IntType.I32)
                .putStringsIfNotEmpty("flags", flags.stream().map(LinuxSchedulerFlag::value).toList())
                .putIfNotZero("runtime", runtime, IntType.U64)
                .putIfNotZero("deadline", deadline, IntType.U64)
                .putIfNotZero("period", period, IntType.U64)
                .extensions(extensions)
                .node();
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof Scheduler other)) {
            return false;
        }
        return Objects.equals(policy, other.policy)
                && nice == other.nice
                && priority == other.priority
                && Objects.equals(flags, other.flags)
                && runtime == other.runtime
                && deadline == other.deadline
                && period == other.period
                && extensions.equals(other.extensions);
    }

    @Override
    public int hashCode() {
        return Objects.hash(policy, nice, priority, flags, runtime, deadline, period, extensions);
    }

    /** Compact JSON, as written to disk. */
    @Override
    public String toString() {
        return "Scheduler" + Json.text(toJson());
    }

    /** Builds a {@link Scheduler}; unset members take the value Go's encoding/json would give them. */
    public static final class Builder {

        private LinuxSchedulerPolicy policy = LinuxSchedulerPolicy.of("");
        private long nice;
        private long priority;
        private List<LinuxSchedulerFlag> flags = new ArrayList<>();
        private long runtime;
        private long deadline;
        private long period;
        private Map<String, String> extensions = new LinkedHashMap<>();

        private Builder() {
        }

        public Builder policy(LinuxSchedulerPolicy policy) {
            this.policy = Objects.requireNonNull(policy, "policy");
            return this;
        }

        public Builder policy(String policy) {
            return policy(LinuxSchedulerPolicy.of(policy));
        }

        /** @throws IllegalArgumentException if the value does not fit a Go int32 */
        public Builder nice(long nice) {
            this.nice = IntType.I32.check("nice", nice);
            return this;
        }

        /** @throws IllegalArgumentException if the value does not fit a Go int32 */
        public Builder priority(long priority) {
            this.priority = IntType.I32.check("priority", priority);
            return this;
        }

        /** Replaces {@code flags}. */
        public Builder flags(Collection<? extends LinuxSchedulerFlag> flags) {
            this.flags = new ArrayList<>(List.copyOf(flags));
            return this;
        }

        /** Appends one entry to {@code flags}. */
        public Builder addFlag(LinuxSchedulerFlag flag) {
            this.flags.add(Objects.requireNonNull(flag, "flag"));
            return this;
        }

        public Builder runtime(long runtime) {
            this.runtime = IntType.U64.check("runtime", runtime);
            return this;
        }

        public Builder deadline(long deadline) {
            this.deadline = IntType.U64.check("deadline", deadline);
            return this;
        }

        public Builder period(long period) {
            this.period = IntType.U64.check("period", period);
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

        public Scheduler build() {
            return new Scheduler(this);
        }
    }
}
