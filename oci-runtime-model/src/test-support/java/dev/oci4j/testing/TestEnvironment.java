package dev.oci4j.testing;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * What the machine running the tests provides: the command-line tools tests start, files that Debian
 * packages install (the official JSON schemas, a static busybox), and root.
 *
 * <p>When something is missing the test is skipped with a message naming the tool and the Debian
 * package that installs it, which suits a developer's machine. With {@code -Doci4j.requireTools=true}
 * (the README's test command sets it) the same message fails the test instead, so CI cannot pass by
 * skipping what its install line forgot.
 *
 * <pre>{@code
 * TestEnvironment.requireTool("umoci");
 * TestEnvironment.requireRoot("umoci unpack restores file owners");
 * Commands.runOk("umoci", "init", "--layout", dir.toString());
 * }</pre>
 *
 * <p>Every command a test starts is listed in {@link #COMMANDS} with its package ({@link Commands}
 * refuses any other), and {@code TestEnvironmentTest} checks that each package is on the README's
 * install line or is one of Debian's {@code Priority: required} packages.
 */
public final class TestEnvironment {

    /** The system property that turns every "not on this machine" skip into a failure. */
    public static final String REQUIRE_TOOLS = "oci4j.requireTools";

    /** A Debian package providing a tool or file, and whether Debian installs it everywhere. */
    public record DebianPackage(String name, boolean required) {
    }

    /** The commands tests may start, and the Debian package each comes from. */
    static final Map<String, DebianPackage> COMMANDS;

    /** The packages that install files tests read (schemas, a static busybox to put into containers). */
    public static final DebianPackage BUSYBOX_STATIC = new DebianPackage("busybox-static", false);
    public static final DebianPackage IMAGE_SPEC_SCHEMAS = new DebianPackage("golang-github-opencontainers-image-spec-dev", false);
    public static final DebianPackage RUNTIME_SPEC_SCHEMAS = new DebianPackage("golang-github-opencontainers-specs-dev", false);
    /** libisal.so.2, which the optional ISA-L gzip engine loads through JNA. */
    public static final DebianPackage LIBISAL = new DebianPackage("libisal2", false);
    static final Set<DebianPackage> FILE_PACKAGES = Set.of(BUSYBOX_STATIC, IMAGE_SPEC_SCHEMAS, RUNTIME_SPEC_SCHEMAS, LIBISAL);

    /** The CNI plugins tests use, found in {@link #CNI_PLUGIN_DIR} rather than on PATH. */
    static final String[] CNI_PLUGINS = {"bridge", "host-local", "portmap"};

    /** Where Debian's containernetworking-plugins installs the plugins. */
    public static final Path CNI_PLUGIN_DIR = Path.of("/usr/lib/cni");

    static {
        Map<String, DebianPackage> m = new TreeMap<>();
        DebianPackage coreutils = new DebianPackage("coreutils", true);
        for (String c : new String[] {"chown", "cp", "mkfifo", "mknod", "rm", "touch"}) {
            m.put(c, coreutils);
        }
        m.put("sh", new DebianPackage("dash", true));
        m.put("bash", new DebianPackage("bash", true)); // the examples' target/oci launcher script
        m.put("tar", new DebianPackage("tar", true));
        m.put("gzip", new DebianPackage("gzip", true));
        m.put("unshare", new DebianPackage("util-linux", true));
        m.put("umount", new DebianPackage("mount", true)); // inside sh -c, by RealContainerStateTest's crun wrapper
        m.put("mount", new DebianPackage("mount", true)); // inside sh -c: the crun backend's fallback wrapper
        m.put("dpkg-query", new DebianPackage("dpkg", true));
        m.put("script", new DebianPackage("bsdutils", true)); // a pseudo-terminal for the CLI's progress line
        m.put("perl", new DebianPackage("perl-base", true)); // oci-runtime-linux's exit-status shim
        m.put("pigz", new DebianPackage("pigz", false));
        m.put("zstd", new DebianPackage("zstd", false));
        m.put("skopeo", new DebianPackage("skopeo", false));
        m.put("umoci", new DebianPackage("umoci", false));
        m.put("runc", new DebianPackage("runc", false));
        m.put("crun", new DebianPackage("crun", false));
        m.put("docker-registry", new DebianPackage("docker-registry", false));
        // CNI networking (oci-runtime-linux's dev.oci4j.linux.network): the plugins live in /usr/lib/cni,
        // not on PATH (requireCniPlugin); portmap and bridge run iptables; the bridge is deleted with ip.
        DebianPackage cni = new DebianPackage("containernetworking-plugins", false);
        for (String plugin : CNI_PLUGINS) {
            m.put(plugin, cni);
        }
        m.put("iptables", new DebianPackage("iptables", false));
        m.put("ip", new DebianPackage("iproute2", false));
        COMMANDS = java.util.Collections.unmodifiableMap(m);
    }

    private TestEnvironment() {
    }

    /** True when {@code -Doci4j.requireTools=true}: whatever a test needs must be here. */
    public static boolean toolsRequired() {
        return Boolean.getBoolean(REQUIRE_TOOLS);
    }

    /** The executable {@code command} on the PATH; skips (or fails) the test, naming its package, when absent. */
    public static Path requireTool(String command) {
        return requireTool(command, System.getenv().getOrDefault("PATH", ""), toolsRequired());
    }

    static Path requireTool(String command, String path, boolean required) {
        DebianPackage pkg = packageOf(command);
        Optional<Path> found = find(command, path);
        if (found.isEmpty()) {
            unavailable(command + " is not installed (not on PATH " + path + "); it comes with the Debian package "
                    + pkg.name(), required);
        }
        return found.orElseThrow();
    }

    /**
     * The CNI plugin {@code name} in {@link #CNI_PLUGIN_DIR}; skips (or fails) the test, naming its
     * package, when absent.
     *
     * @param name a plugin listed in COMMANDS, such as {@code bridge}
     * @return the plugin's executable
     */
    public static Path requireCniPlugin(String name) {
        DebianPackage pkg = packageOf(name);
        Path p = CNI_PLUGIN_DIR.resolve(name);
        if (!Files.isExecutable(p)) {
            unavailable("CNI plugin " + p + " is missing; it comes with the Debian package " + pkg.name(), toolsRequired());
        }
        return p;
    }

    /** {@code file}, which {@code pkg} installs; skips (or fails) the test when it is absent. */
    public static Path requireFile(Path file, DebianPackage pkg) {
        return requireFile(file, pkg, toolsRequired());
    }

    static Path requireFile(Path file, DebianPackage pkg, boolean required) {
        if (!FILE_PACKAGES.contains(pkg) && !COMMANDS.containsValue(pkg)) {
            throw new IllegalArgumentException(pkg + " is not a package TestEnvironment knows; add it to FILE_PACKAGES"
                    + " and, unless Debian marks it required, to the README's test-command install line");
        }
        if (!Files.exists(file)) {
            unavailable(file + " is missing; it comes with the Debian package " + pkg.name(), required);
        }
        return file;
    }

    /** Skips (or fails) the test unless it runs as root on Linux; {@code why} says what needs root. */
    public static void requireRoot(String why) {
        if (!isLinux()) {
            unavailable(why + ": needs root on Linux, and this is " + System.getProperty("os.name"), toolsRequired());
        } else if (!isRoot()) {
            unavailable(why + ": needs root, and this runs as uid " + uid().map(String::valueOf).orElse("unknown")
                    + " (" + System.getProperty("user.name") + ")", toolsRequired());
        }
    }

    /** Whether the test runs as root on Linux (uid 0 of this process), for tests that do more as root. */
    public static boolean isRoot() {
        return isLinux() && uid().equals(Optional.of(0));
    }

    /**
     * Skips (or fails) the test when {@code condition} is false: for what the machine lacks beyond a
     * tool, a file or root (a tool too old for a subcommand, say). {@code missing} says what and how to get it.
     */
    public static void require(boolean condition, String missing) {
        if (!condition) {
            unavailable(missing, toolsRequired());
        }
    }

    /** The Debian package of {@code command}; an unknown command is a mistake in the test, not a missing tool. */
    static DebianPackage packageOf(String command) {
        DebianPackage pkg = COMMANDS.get(command);
        if (pkg == null) {
            throw new IllegalArgumentException("tests may only start commands listed in TestEnvironment.COMMANDS; "
                    + "add \"" + command + "\" with its Debian package (and put the package on the README's "
                    + "test-command install line unless Debian marks it required)");
        }
        return pkg;
    }

    static void unavailable(String reason, boolean required) {
        if (required) {
            Assertions.fail(reason + " [-D" + REQUIRE_TOOLS + "=true: missing tools fail rather than skip]");
        }
        Assumptions.abort(reason + " [skipped; -D" + REQUIRE_TOOLS + "=true makes this a failure]");
    }

    static Optional<Path> find(String command, String path) {
        for (String dir : path.split(File.pathSeparator)) {
            if (!dir.isEmpty()) {
                Path p = Path.of(dir, command);
                if (Files.isRegularFile(p) && Files.isExecutable(p)) {
                    return Optional.of(p);
                }
            }
        }
        return Optional.empty();
    }

    private static boolean isLinux() {
        return "Linux".equals(System.getProperty("os.name"));
    }

    private static Optional<Integer> uid() {
        try {
            // /proc/self belongs to the process's effective uid; user.name only says what HOME or the passwd entry says.
            return Optional.of((Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid"));
        } catch (IOException | UnsupportedOperationException e) {
            return Optional.empty();
        }
    }
}
