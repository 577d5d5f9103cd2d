package dev.oci4j.runtime.internal.validation;

import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import java.util.Map;

/**
 * Turns a Bean Validation property path into a JSON pointer: {@code process.rlimits[1].type}
 * becomes {@code /process/rlimits/1/type}, {@code process.env[2]} (a container element)
 * {@code /process/env/2}, and {@code linux.sysctl[kernel.shmmax]} {@code /linux/sysctl/kernel.shmmax}.
 */
final class Pointers {

    /** Model field names that are not spelled like their JSON key. */
    private static final Map<String, String> JSON_KEYS = Map.of(
            "ioClass", "class", "finalCpus", "final", "utilityVmPath", "utilityVMPath");

    private Pointers() {
    }

    static String of(Path path) {
        StringBuilder pointer = new StringBuilder();
        for (Path.Node node : path) {
            if (node.isInIterable()) {
                if (node.getIndex() != null) {
                    pointer.append('/').append(node.getIndex());
                } else if (node.getKey() != null) {
                    pointer.append('/').append(escape(String.valueOf(node.getKey())));
                }
            }
            if (node.getKind() == ElementKind.PROPERTY && node.getName() != null) {
                pointer.append('/').append(escape(JSON_KEYS.getOrDefault(node.getName(), node.getName())));
            }
        }
        return pointer.toString();
    }

    /** Appends one reference token, escaping {@code ~} and {@code /} (RFC 6901). */
    static String child(String parent, String token) {
        return parent + "/" + escape(token);
    }

    static String child(String parent, int index) {
        return parent + "/" + index;
    }

    private static String escape(String token) {
        return token.replace("~", "~0").replace("/", "~1");
    }
}
