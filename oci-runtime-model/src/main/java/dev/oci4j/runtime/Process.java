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
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The container process: {@code process} in config.json.
 *
 * <p>Spec: <a href="https://github.com/opencontainers/runtime-spec/blob/v1.2.0/config.md#process">config.md#process</a> (runtime-spec v1.2). Members this model does not know
 * are kept in {@link #extensions()} and written back after the known ones.
 *
 * <pre>{@code
 * {"terminal":false,"user":{"uid":0,"gid":0},"args":["sh"],"env":["PATH=/bin"],"cwd":"/"}
 * }</pre>
 */
public final class Process {

    private final boolean terminal;
    private final Box consoleSize;
    private final User user;
    private final List<String> args;
    private final String commandLine;
    private final List<String> env;
    private final String cwd;
    private final LinuxCapabilities capabilities;
    private final List<PosixRlimit> rlimits;
    private final boolean noNewPrivileges;
    private final String apparmorProfile;
    private final Long oomScoreAdj;
    private final Scheduler scheduler;
    private final String selinuxLabel;
    private final LinuxIoPriority ioPriority;
    private final CpuAffinity execCPUAffinity;
    private final Map<String, String> extensions;

    private Process(Builder b) {
        this.terminal = b.terminal;
        this.consoleSize = b.consoleSize;
        this.user = b.user;
        this.args = List.copyOf(b.args);
        this.commandLine = b.commandLine;
        this.env = List.copyOf(b.env);
        this.cwd = b.cwd;
        this.capabilities = b.capabilities;
        this.rlimits = List.copyOf(b.rlimits);
        this.noNewPrivileges = b.noNewPrivileges;
        this.apparmorProfile = b.apparmorProfile;
        this.oomScoreAdj = b.oomScoreAdj;
        this.scheduler = b.scheduler;
        this.selinuxLabel = b.selinuxLabel;
        this.ioPriority = b.ioPriority;
        this.execCPUAffinity = b.execCPUAffinity;
        this.extensions = b.extensions.isEmpty() ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(b.extensions));
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this object's values, to derive a changed copy. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.terminal = terminal;
        b.consoleSize = consoleSize;
        b.user = user;
        b.args = new ArrayList<>(args);
        b.commandLine = commandLine;
        b.env = new ArrayList<>(env);
        b.cwd = cwd;
        b.capabilities = capabilities;
        b.rlimits = new ArrayList<>(rlimits);
        b.noNewPrivileges = noNewPrivileges;
        b.apparmorProfile = apparmorProfile;
        b.oomScoreAdj = oomScoreAdj;
        b.scheduler = scheduler;
        b.selinuxLabel = selinuxLabel;
        b.ioPriority = ioPriority;
        b.execCPUAffinity = execCPUAffinity;
        b.extensions = new LinkedHashMap<>(extensions);
        return b;
    }

    /** {@code terminal}: OPTIONAL: attach a terminal to the process; defaults to false. */
    public boolean terminal() {
        return terminal;
    }

    /** {@code consoleSize}: OPTIONAL: console size in characters, when terminal is true. */
    public Optional<Box> consoleSize() {
        return Optional.ofNullable(consoleSize);
    }

    /** {@code user}: REQUIRED: the user the process runs as. */
    public User user() {
        return user;
    }

    /** {@code args}: REQUIRED on non-Windows (at least one entry): the executable and its arguments, as execvp(3). */
    public List<String> args() {
        return args;
    }

    /** {@code commandLine}: OPTIONAL, Windows only: the full command line. */
    public Optional<String> commandLine() {
        return Optional.ofNullable(commandLine);
    }

    /** {@code env}: OPTIONAL: environment as KEY=value, as environ(7). */
    public List<String> env() {
        return env;
    }

    /** {@code cwd}: REQUIRED: the working directory, an absolute path in the container. */
    public String cwd() {
        return cwd;
    }

    /** {@code capabilities}: OPTIONAL (Linux): the capability sets of the process. */
    public Optional<LinuxCapabilities> capabilities() {
        return Optional.ofNullable(capabilities);
    }

    /** {@code rlimits}: OPTIONAL (POSIX): resource limits; duplicate types MUST be an error. */
    public List<PosixRlimit> rlimits() {
        return rlimits;
    }

    /** {@code noNewPrivileges}: OPTIONAL (Linux): set no_new_privs. */
    public boolean noNewPrivileges() {
        return noNewPrivileges;
    }

    /** {@code apparmorProfile}: OPTIONAL (Linux): the AppArmor profile. */
    public Optional<String> apparmorProfile() {
        return Optional.ofNullable(apparmorProfile);
    }

    /** {@code oomScoreAdj}: OPTIONAL (Linux): oom_score_adj of the process (Go int). */
    public OptionalLong oomScoreAdj() {
        return oomScoreAdj == null ? OptionalLong.empty() : OptionalLong.of(oomScoreAdj);
    }

    /** {@code scheduler}: OPTIONAL (Linux): scheduling attributes for sched_setattr(2). */
    public Optional<Scheduler> scheduler() {
        return Optional.ofNullable(scheduler);
    }

    /** {@code selinuxLabel}: OPTIONAL (Linux): the SELinux label of the process. */
    public Optional<String> selinuxLabel() {
        return Optional.ofNullable(selinuxLabel);
    }

    /** {@code ioPriority}: OPTIONAL (Linux): the I/O priority of the process. */
    public Optional<LinuxIoPriority> ioPriority() {
        return Optional.ofNullable(ioPriority);
    }

    /** {@code execCPUAffinity}: OPTIONAL (Linux): CPU affinity of processes started by exec. */
    public Optional<CpuAffinity> execCPUAffinity() {
        return Optional.ofNullable(execCPUAffinity);
    }

    /** Members this model does not know, as compact JSON text by key, in document order. */
    public Map<String, String> extensions() {
        return extensions;
    }

    static Process fromJson(JsonFields f) {
        Builder b = new Builder();
        f.bool("terminal").ifPresent(b::terminal);
        f.object("consoleSize", Box::fromJson).ifPresent(v -> b.consoleSize = v);
        f.object("user", User::fromJson).ifPresent(v -> b.user = v);
        b.args.addAll(f.stringList("args"));
        f.string("commandLine").ifPresent(b::commandLine);
        b.env.addAll(f.stringList("env"));
        f.string("cwd").ifPresent(b::cwd);
        f.object("capabilities", LinuxCapabilities::fromJson).ifPresent(v -> b.capabilities = v);
        b.rlimits.addAll(f.objectList("rlimits", PosixRlimit::fromJson));
        f.bool("noNewPrivileges").ifPresent(b::noNewPrivileges);
        f.string("apparmorProfile").ifPresent(b::apparmorProfile);
        f.integer("oomScoreAdj", IntType.I64).ifPresent(v -> b.oomScoreAdj = v);
        f.object("scheduler", Scheduler::fromJson).ifPresent(v -> b.scheduler = v);
        f.string("selinuxLabel").ifPresent(b::selinuxLabel);
        f.object("ioPriority", LinuxIoPriority::fromJson).ifPresent(v -> b.ioPriority = v);
        f.object("execCPUAffinity", CpuAffinity::fromJson).ifPresent(v -> b.execCPUAffinity = v);
        b.extensions.putAll(f.unknown());
        return b.build();
    }

    ObjectNode toJson() {
        return new JsonObjectWriter()
                .putIfTrue("terminal", terminal)
                .putObjectIfPresent("consoleSize", consoleSize(), Box::toJson)
                .put("user", user.toJson())
                .putStringsIfNotEmpty("args", args)
                .putIfNotEmpty("commandLine", commandLine)
                .putStringsIfNotEmpty("env", env)
                .put("cwd", cwd)
                .putObjectIfPresent("capabilities", capabilities(), LinuxCapabilities::toJson)
                .putObjectsIfNotEmpty("rlimits", rlimits, PosixRlimit::toJson)
                .putIfTrue("noNewPrivileges", noNewPrivileges)
                .putIfNotEmpty("apparmorProfile", apparmorProfile)
                .putIfPresent("oomScoreAdj", oomScoreAdj(), IntType.I64)
                .putObjectIfPresent("scheduler", scheduler(), Scheduler::toJson)
                .putIfNotEmpty("selinuxLabel", selinuxLabel)
                .putObjectIfPresent("ioPriority", ioPriority(), LinuxIoPriority::toJson)
                .putObjectIfPresent("execCPUAffinity", execCPUAffinity(), CpuAffinity::toJson)
                .extensions(extensions)
                .node();
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof Process other)) {
            return false;
        }
        return terminal == other.terminal
                && Objects.equals(consoleSize, other.consoleSize)
                && Objects.equals(user, other.user)
                && Objects.equals(args, other.args)
                && Objects.equals(commandLine, other.commandLine)
                && Objects.equals(env, other.env)
                && Objects.equals(cwd, other.cwd)
                && Objects.equals(capabilities, other.capabilities)
                && Objects.equals(rlimits, other.rlimits)
                && noNewPrivileges == other.noNewPrivileges
                && Objects.equals(apparmorProfile, other.apparmorProfile)
                && Objects.equals(oomScoreAdj, other.oomScoreAdj)
                && Objects.equals(scheduler, other.scheduler)
                && Objects.equals(selinuxLabel, other.selinuxLabel)
                && Objects.equals(ioPriority, other.ioPriority)
                && Objects.equals(execCPUAffinity, other.execCPUAffinity)
                && extensions.equals(other.extensions);
    }

    @Override
    public int hashCode() {
        return Objects.hash(terminal, consoleSize, user, args, commandLine, env, cwd, capabilities, rlimits, noNewPrivileges, apparmorProfile, oomScoreAdj, scheduler, selinuxLabel, ioPriority, execCPUAffinity, extensions);
    }

    /** Compact JSON, as written to disk. */
    @Override
    public String toString() {
        return "Process" + Json.text(toJson());
    }

    /** Builds a {@link Process}; unset members take the value Go's encoding/json would give them. */
    public static final class Builder {

        private boolean terminal;
        private Box consoleSize;
        private User user = User.builder().build();
        private List<String> args = new ArrayList<>();
        private String commandLine;
        private List<String> env = new ArrayList<>();
        private String cwd = "";
        private LinuxCapabilities capabilities;
        private List<PosixRlimit> rlimits = new ArrayList<>();
        private boolean noNewPrivileges;
        private String apparmorProfile;
        private Long oomScoreAdj;
        private Scheduler scheduler;
        private String selinuxLabel;
        private LinuxIoPriority ioPriority;
        private CpuAffinity execCPUAffinity;
        private Map<String, String> extensions = new LinkedHashMap<>();

        private Builder() {
        }

        public Builder terminal(boolean terminal) {
            this.terminal = terminal;
            return this;
        }

        public Builder consoleSize(Box consoleSize) {
            this.consoleSize = Objects.requireNonNull(consoleSize, "consoleSize");
            return this;
        }

        public Builder clearConsoleSize() {
            this.consoleSize = null;
            return this;
        }

        public Builder user(User user) {
            this.user = Objects.requireNonNull(user, "user");
            return this;
        }

        /** Replaces {@code args}. */
        public Builder args(Collection<? extends String> args) {
            this.args = new ArrayList<>(List.copyOf(args));
            return this;
        }

        /** Appends one entry to {@code args}. */
        public Builder addArg(String arg) {
            this.args.add(Objects.requireNonNull(arg, "arg"));
            return this;
        }

        /** Sets {@code commandLine}; the empty string leaves it out, as Go's omitempty does. */
        public Builder commandLine(String commandLine) {
            Objects.requireNonNull(commandLine, "commandLine");
            this.commandLine = commandLine.isEmpty() ? null : commandLine;
            return this;
        }

        public Builder clearCommandLine() {
            this.commandLine = null;
            return this;
        }

        /** Replaces {@code env}. */
        public Builder env(Collection<? extends String> env) {
            this.env = new ArrayList<>(List.copyOf(env));
            return this;
        }

        /** Appends one entry to {@code env}. */
        public Builder addEnvEntry(String envEntry) {
            this.env.add(Objects.requireNonNull(envEntry, "envEntry"));
            return this;
        }

        public Builder cwd(String cwd) {
            this.cwd = Objects.requireNonNull(cwd, "cwd");
            return this;
        }

        public Builder capabilities(LinuxCapabilities capabilities) {
            this.capabilities = Objects.requireNonNull(capabilities, "capabilities");
            return this;
        }

        public Builder clearCapabilities() {
            this.capabilities = null;
            return this;
        }

        /** Replaces {@code rlimits}. */
        public Builder rlimits(Collection<? extends PosixRlimit> rlimits) {
            this.rlimits = new ArrayList<>(List.copyOf(rlimits));
            return this;
        }

        /** Appends one entry to {@code rlimits}. */
        public Builder addRlimit(PosixRlimit rlimit) {
            this.rlimits.add(Objects.requireNonNull(rlimit, "rlimit"));
            return this;
        }

        public Builder noNewPrivileges(boolean noNewPrivileges) {
            this.noNewPrivileges = noNewPrivileges;
            return this;
        }

        /** Sets {@code apparmorProfile}; the empty string leaves it out, as Go's omitempty does. */
        public Builder apparmorProfile(String apparmorProfile) {
            Objects.requireNonNull(apparmorProfile, "apparmorProfile");
            this.apparmorProfile = apparmorProfile.isEmpty() ? null : apparmorProfile;
            return this;
        }

        public Builder clearApparmorProfile() {
            this.apparmorProfile = null;
            return this;
        }

        public Builder oomScoreAdj(long oomScoreAdj) {
            this.oomScoreAdj = IntType.I64.check("oomScoreAdj", oomScoreAdj);
            return this;
        }

        public Builder clearOomScoreAdj() {
            this.oomScoreAdj = null;
            return this;
        }

        public Builder scheduler(Scheduler scheduler) {
            this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
            return this;
        }

        public Builder clearScheduler() {
            this.scheduler = null;
            return this;
        }

        /** Sets {@code selinuxLabel}; the empty string leaves it out, as Go's omitempty does. */
        public Builder selinuxLabel(String selinuxLabel) {
            Objects.requireNonNull(selinuxLabel, "selinuxLabel");
            this.selinuxLabel = selinuxLabel.isEmpty() ? null : selinuxLabel;
            return this;
        }

        public Builder clearSelinuxLabel() {
            this.selinuxLabel = null;
            return this;
        }

        public Builder ioPriority(LinuxIoPriority ioPriority) {
            this.ioPriority = Objects.requireNonNull(ioPriority, "ioPriority");
            return this;
        }

        public Builder clearIoPriority() {
            this.ioPriority = null;
            return this;
        }

        public Builder execCPUAffinity(CpuAffinity execCPUAffinity) {
            this.execCPUAffinity = Objects.requireNonNull(execCPUAffinity, "execCPUAffinity");
            return this;
        }

        public Builder clearExecCPUAffinity() {
            this.execCPUAffinity = null;
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

        public Process build() {
            return new Process(this);
        }
    }
}
