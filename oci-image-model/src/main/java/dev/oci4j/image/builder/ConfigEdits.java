package dev.oci4j.image.builder;

import dev.oci4j.image.ExecutionConfig;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The execution settings a build changes, applied over the inherited ones: values replace, env
 * entries replace by name in place, labels, ports and volumes add up.
 */
final class ConfigEdits {

    List<String> entrypoint;
    List<String> cmd;
    final Map<String, String> env = new LinkedHashMap<>();
    String workingDir;
    String user;
    String stopSignal;
    final Map<String, String> labels = new TreeMap<>();
    final Set<String> exposedPorts = new LinkedHashSet<>();
    final Set<String> volumes = new LinkedHashSet<>();

    ExecutionConfig applyTo(ExecutionConfig inherited) {
        ExecutionConfig.Builder c = inherited.toBuilder();
        if (entrypoint != null) {
            c.entrypoint(entrypoint);
            if (cmd == null) {
                c.cmd(List.of());
            }
        }
        if (cmd != null) {
            c.cmd(cmd);
        }
        if (!env.isEmpty()) {
            Map<String, String> merged = new LinkedHashMap<>();
            for (String e : inherited.env()) {
                int eq = e.indexOf('=');
                merged.put(eq < 0 ? e : e.substring(0, eq), eq < 0 ? null : e.substring(eq + 1));
            }
            merged.putAll(env);
            List<String> list = new ArrayList<>();
            merged.forEach((k, v) -> list.add(v == null ? k : k + "=" + v));
            c.env(list);
        }
        if (workingDir != null) {
            c.workingDir(workingDir);
        }
        if (user != null) {
            c.user(user);
        }
        if (stopSignal != null) {
            c.stopSignal(stopSignal);
        }
        if (!labels.isEmpty()) {
            Map<String, String> merged = new TreeMap<>(inherited.labels());
            merged.putAll(labels);
            c.labels(merged);
        }
        if (!exposedPorts.isEmpty()) {
            Set<String> merged = new LinkedHashSet<>(inherited.exposedPorts());
            merged.addAll(exposedPorts);
            c.exposedPorts(merged);
        }
        if (!volumes.isEmpty()) {
            Set<String> merged = new LinkedHashSet<>(inherited.volumes());
            merged.addAll(volumes);
            c.volumes(merged);
        }
        return c.build();
    }
}
