package dev.oci4j.linux.bundle;

import dev.oci4j.image.ExecutionConfig;
import dev.oci4j.image.ImageConfiguration;
import dev.oci4j.runtime.LinuxNamespaceType;
import dev.oci4j.runtime.Mount;
import dev.oci4j.runtime.Spec;
import dev.oci4j.runtime.SpecEditor;
import dev.oci4j.runtime.Specs;
import dev.oci4j.runtime.User;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Turns an image configuration into a runtime configuration (image-spec v1.1 conversion.md),
 * starting from {@link Specs#defaultLinux()} without a terminal, then applies the caller's
 * {@link ContainerOptions}.
 *
 * <ul>
 * <li>args = Entrypoint + Cmd; an overridden Cmd keeps the Entrypoint, an overridden Entrypoint
 *     drops the image's Cmd.</li>
 * <li>env = the image's Env, plus {@code PATH} when the image sets none; the caller's entries win by name.</li>
 * <li>cwd = WorkingDir, default {@code /}.</li>
 * <li>user = User resolved against the rootfs's {@code /etc/passwd} and {@code /etc/group}; root when unset.</li>
 * <li>annotations {@code org.opencontainers.image.}{os, architecture, variant, os.version,
 *     os.features, author, created, stopSignal, exposedPorts}, then every Label (Labels win).</li>
 * <li>Volumes become tmpfs mounts only with {@link ContainerOptions#volumesAsMounts()}.</li>
 * </ul>
 *
 * <pre>{@code
 * Spec spec = SpecConverter.convert(config, Path.of("bundle/rootfs"), ContainerOptions.DEFAULTS);
 * }</pre>
 */
public final class SpecConverter {

    /** The annotation prefix conversion.md uses. */
    public static final String PREFIX = "org.opencontainers.image.";

    /** The {@code PATH} Docker and containerd give images that set none. */
    public static final String DEFAULT_PATH = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";

    /**
     * The {@code ociVersion} written: the lowest runtime-spec version with every member the
     * conversion sets. crun 1.8 refuses any {@code ociVersion} other than 1.0.x ("unknown version
     * specified"); runc accepts every 1.x.
     */
    public static final String OCI_VERSION = "1.0.2";

    /** The hostname when the caller sets none. */
    public static final String DEFAULT_HOSTNAME = "oci4j";

    private SpecConverter() {
    }

    /**
     * Converts with no caller overrides, as {@link #convert(ImageConfiguration, Path, ContainerOptions)}
     * with {@link ContainerOptions#DEFAULTS}.
     *
     * @param image the image configuration
     * @param rootfs the unpacked root filesystem, whose passwd and group files resolve the user
     * @return the runtime configuration
     * @throws ConversionException for an unknown user or group, or when there is no command to run
     * @throws IOException when the rootfs's passwd or group file cannot be read
     */
    public static Spec convert(ImageConfiguration image, Path rootfs) throws IOException {
        return convert(image, rootfs, ContainerOptions.DEFAULTS);
    }

    /**
     * Converts {@code image} for the root filesystem {@code rootfs} (already unpacked: the user is
     * resolved from its files), then applies {@code options}.
     *
     * @param image the image configuration
     * @param rootfs the unpacked root filesystem
     * @param options the caller's changes
     * @return the runtime configuration, with {@code ociVersion} {@link #OCI_VERSION}
     * @throws ConversionException for an unknown user or group, or when there is no command to run
     * @throws IOException when the rootfs's passwd or group file cannot be read
     */
    public static Spec convert(ImageConfiguration image, Path rootfs, ContainerOptions options) throws IOException {
        Objects.requireNonNull(image, "image");
        Objects.requireNonNull(rootfs, "rootfs");
        Objects.requireNonNull(options, "options");
        ExecutionConfig config = image.config();
        SpecEditor spec = SpecEditor.of(Specs.defaultLinux().toBuilder().ociVersion(OCI_VERSION).build())
                .terminal(false)
                .args(args(config, options))
                .process(p -> p.toBuilder().env(env(config, options)).build())
                .cwd(options.workingDir().or(config::workingDir).orElse("/"))
                .user(user(config, rootfs, options))
                .readonlyRoot(options.readonlyRoot())
                .hostname(options.hostname().orElse(DEFAULT_HOSTNAME));
        annotations(image, options).forEach(spec::putAnnotation);
        if (options.volumesAsMounts()) {
            for (String volume : config.volumes()) {
                spec.removeMount(volume).addMount(Mount.builder().destination(volume).type("tmpfs").source("tmpfs")
                        .options(List.of("nosuid", "nodev", "mode=755")).build());
            }
        }
        for (Mount m : options.mounts()) {
            spec.removeMount(m.destination()).addMount(m);
        }
        options.memoryLimit().ifPresent(spec::memoryLimit);
        options.pidsLimit().ifPresent(spec::pidsLimit);
        if (options.cpuQuota().isPresent()) {
            spec.cpuQuota(options.cpuQuota().getAsLong(), options.cpuPeriod().getAsLong());
        }
        if (options.hostNetwork()) {
            spec.removeNamespace(LinuxNamespaceType.NETWORK);
        }
        return spec.build();
    }

    static List<String> args(ExecutionConfig config, ContainerOptions options) {
        List<String> entrypoint = options.entrypoint().orElse(config.entrypoint());
        // Docker's rule, which conversion.md leaves to the caller: a new Entrypoint makes the image's
        // Cmd (written as arguments to the old one) meaningless.
        List<String> cmd = options.cmd().orElse(options.entrypoint().isPresent() ? List.of() : config.cmd());
        List<String> args = new ArrayList<>(entrypoint);
        args.addAll(cmd);
        if (args.isEmpty()) {
            throw new ConversionException("/config/Cmd", "no command to run: the image has neither Entrypoint nor Cmd"
                    + " and none was given");
        }
        return args;
    }

    static List<String> env(ExecutionConfig config, ContainerOptions options) {
        List<String> env = new ArrayList<>(config.env());
        if (env.stream().noneMatch(e -> name(e).equals("PATH")) && !options.env().containsKey("PATH")) {
            env.add("PATH=" + DEFAULT_PATH);
        }
        for (Map.Entry<String, String> o : options.env().entrySet()) {
            String entry = o.getKey() + "=" + o.getValue();
            boolean replaced = false;
            for (int i = 0; i < env.size(); i++) {
                if (name(env.get(i)).equals(o.getKey())) {
                    if (replaced) {
                        env.remove(i--);
                    } else {
                        env.set(i, entry);
                        replaced = true;
                    }
                }
            }
            if (!replaced) {
                env.add(entry);
            }
        }
        return env;
    }

    private static String name(String entry) {
        int eq = entry.indexOf('=');
        return eq < 0 ? entry : entry.substring(0, eq);
    }

    static User user(ExecutionConfig config, Path rootfs, ContainerOptions options) throws IOException {
        if (options.user().isPresent()) {
            return UserResolver.resolve(options.user().get(), rootfs, "options.user");
        }
        if (config.user().isPresent()) {
            return UserResolver.resolve(config.user().get(), rootfs, "/config/User");
        }
        // conversion.md: without User the process user is implementation-defined; root, as Docker.
        return User.builder().uid(0).gid(0).build();
    }

    static Map<String, String> annotations(ImageConfiguration image, ContainerOptions options) {
        Map<String, String> out = new LinkedHashMap<>();
        out.put(PREFIX + "os", image.os());
        out.put(PREFIX + "architecture", image.architecture());
        image.variant().ifPresent(v -> out.put(PREFIX + "variant", v));
        image.osVersion().ifPresent(v -> out.put(PREFIX + "os.version", v));
        if (!image.osFeatures().isEmpty()) {
            out.put(PREFIX + "os.features", String.join(",", image.osFeatures()));
        }
        image.author().ifPresent(v -> out.put(PREFIX + "author", v));
        image.created().ifPresent(v -> out.put(PREFIX + "created", v));
        ExecutionConfig config = image.config();
        config.stopSignal().ifPresent(v -> out.put(PREFIX + "stopSignal", v));
        if (!config.exposedPorts().isEmpty()) {
            out.put(PREFIX + "exposedPorts", String.join(",", config.exposedPorts()));
        }
        out.putAll(config.labels()); // conversion.md: a Label wins over the converted value
        out.putAll(options.annotations());
        out.values().removeIf(String::isEmpty);
        return out;
    }
}
