package dev.oci4j.linux.internal.cni;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Runs a CNI network configuration list (CNI spec 1.0: "Execution of Network Configuration Lists"):
 * ADD through the plugins in order, each getting the previous result; DEL in reverse order with the
 * final result. Plugins are executables named by their {@code type}, found in {@link #pluginPath()}.
 */
public final class Cni {

    /** The system property naming the plugin directories, colon-separated. */
    public static final String PATH_PROPERTY = "oci4j.cni.path";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long PLUGIN_TIMEOUT_SECONDS = 60;

    private Cni() {
    }

    /** The plugin directories: {@code -Doci4j.cni.path}, else Debian's and the upstream default. */
    public static List<Path> pluginPath() {
        String p = System.getProperty(PATH_PROPERTY, "/usr/lib/cni:/opt/cni/bin");
        List<Path> dirs = new ArrayList<>();
        for (String d : p.split(File.pathSeparator)) {
            if (!d.isEmpty()) {
                dirs.add(Path.of(d));
            }
        }
        return dirs;
    }

    /** The executable of plugin {@code type}, if installed. */
    public static Optional<Path> plugin(String type) {
        for (Path d : pluginPath()) {
            Path p = d.resolve(type);
            if (Files.isRegularFile(p) && Files.isExecutable(p)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    public static ObjectNode parse(byte[] json) throws IOException {
        JsonNode n = JSON.readTree(json);
        if (!(n instanceof ObjectNode o)) {
            throw new IOException("expected a JSON object, found " + (n == null ? "nothing" : n.getNodeType()));
        }
        return o;
    }

    public static byte[] write(JsonNode node) throws IOException {
        return JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(node);
    }

    public static ObjectNode object() {
        return JSON.createObjectNode();
    }

    /**
     * ADD: runs each plugin of {@code conflist}, returns the final result. When a plugin fails, the
     * ones already run are deleted again before the error is thrown.
     */
    public static ObjectNode add(ObjectNode conflist, Map<String, JsonNode> runtimeConfig, String containerId,
            Path netns, String ifName) throws IOException {
        ObjectNode prev = null;
        ArrayNode plugins = (ArrayNode) conflist.get("plugins");
        for (int i = 0; i < plugins.size(); i++) {
            try {
                prev = run("ADD", pluginConfig(conflist, (ObjectNode) plugins.get(i), runtimeConfig, prev),
                        containerId, netns, ifName).orElseThrow(() -> new IOException("CNI plugin returned no result"));
            } catch (IOException e) {
                try {
                    del(conflist, runtimeConfig, prev, containerId, netns, ifName);
                } catch (IOException cleanup) {
                    e.addSuppressed(cleanup);
                }
                throw e;
            }
        }
        return prev;
    }

    /**
     * DEL: runs each plugin of {@code conflist} in reverse order. Every plugin is run even when one
     * fails; the first failure is thrown with the others suppressed. DEL of what is already gone succeeds.
     */
    public static void del(ObjectNode conflist, Map<String, JsonNode> runtimeConfig, ObjectNode result,
            String containerId, Path netns, String ifName) throws IOException {
        ArrayNode plugins = (ArrayNode) conflist.get("plugins");
        IOException failure = null;
        for (int i = plugins.size() - 1; i >= 0; i--) {
            try {
                run("DEL", pluginConfig(conflist, (ObjectNode) plugins.get(i), runtimeConfig, result), containerId,
                        netns, ifName);
            } catch (IOException e) {
                if (failure == null) {
                    failure = e;
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    static ObjectNode pluginConfig(ObjectNode conflist, ObjectNode plugin, Map<String, JsonNode> runtimeConfig,
            ObjectNode prev) {
        ObjectNode c = plugin.deepCopy();
        c.set("cniVersion", conflist.get("cniVersion"));
        c.set("name", conflist.get("name"));
        JsonNode caps = plugin.get("capabilities");
        if (caps != null) {
            ObjectNode rc = JSON.createObjectNode();
            caps.fields().forEachRemaining(e -> {
                if (e.getValue().asBoolean() && runtimeConfig.containsKey(e.getKey())) {
                    rc.set(e.getKey(), runtimeConfig.get(e.getKey()));
                }
            });
            c.set("runtimeConfig", rc);
        }
        if (prev != null) {
            c.set("prevResult", prev);
        }
        return c;
    }

    private static Optional<ObjectNode> run(String command, ObjectNode config, String containerId, Path netns,
            String ifName) throws IOException {
        String type = config.path("type").asText();
        Path exe = plugin(type).orElseThrow(() -> new IOException("CNI plugin \"" + type + "\" is not installed in "
                + pluginPath() + " (Debian package containernetworking-plugins; -D" + PATH_PROPERTY
                + " names other directories)"));
        ProcessBuilder pb = new ProcessBuilder(exe.toString());
        Map<String, String> env = pb.environment();
        env.put("CNI_COMMAND", command);
        env.put("CNI_CONTAINERID", containerId);
        env.put("CNI_NETNS", netns.toString());
        env.put("CNI_IFNAME", ifName);
        env.put("CNI_PATH", String.join(File.pathSeparator, pluginPath().stream().map(Path::toString).toList()));
        // portmap and bridge run iptables, which lives in /usr/sbin: a JVM started without it on PATH still works.
        env.put("PATH", env.getOrDefault("PATH", "/usr/bin:/bin") + ":/usr/sbin:/sbin");
        Process p = pb.start();
        CompletableFuture<byte[]> err = CompletableFuture.supplyAsync(() -> readAll(p.getErrorStream()));
        CompletableFuture<byte[]> out = CompletableFuture.supplyAsync(() -> readAll(p.getInputStream()));
        try (var in = p.getOutputStream()) {
            in.write(JSON.writeValueAsBytes(config));
        }
        try {
            if (!p.waitFor(PLUGIN_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IOException("CNI " + command + " " + type + " for " + containerId + ": no answer within "
                        + PLUGIN_TIMEOUT_SECONDS + " s");
            }
            byte[] stdout = out.get();
            if (p.exitValue() != 0) {
                String why = new String(stdout, StandardCharsets.UTF_8).trim();
                try {
                    JsonNode e = JSON.readTree(stdout);
                    why = e.path("msg").asText() + (e.hasNonNull("details") ? ": " + e.get("details").asText() : "");
                } catch (IOException | RuntimeException notJson) {
                    // keep the raw text
                }
                throw new IOException("CNI " + command + " " + type + " for " + containerId + " (netns " + netns
                        + ") failed with exit code " + p.exitValue() + ": " + why + " "
                        + new String(err.get(), StandardCharsets.UTF_8).trim());
            }
            return stdout.length == 0 || command.equals("DEL") ? Optional.empty() : Optional.of(parse(stdout));
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("CNI " + command + " " + type + " interrupted", e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IOException("CNI " + command + " " + type + ": " + e.getCause(), e.getCause());
        }
    }

    private static byte[] readAll(InputStream in) {
        try (in) {
            return in.readAllBytes();
        } catch (IOException e) {
            return new byte[0];
        }
    }
}
