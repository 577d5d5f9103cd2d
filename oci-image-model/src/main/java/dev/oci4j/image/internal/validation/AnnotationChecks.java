package dev.oci4j.image.internal.validation;

import dev.oci4j.image.Digest;
import dev.oci4j.internal.json.Json;
import dev.oci4j.internal.validation.Findings;
import java.util.Map;
import java.util.Set;

/**
 * The annotation rules (annotations.md#rules) and the value formats of the pre-defined keys, for
 * annotations and for image config Labels, which "MUST use the annotation rules".
 */
final class AnnotationChecks {

    static final String PREFIX = "org.opencontainers.image.";
    static final Set<String> PREDEFINED = Set.of("created", "authors", "url", "documentation", "source",
            "version", "revision", "vendor", "licenses", "ref.name", "title", "description", "base.digest",
            "base.name");
    private static final Set<String> URL_KEYS = Set.of(PREFIX + "url", PREFIX + "documentation", PREFIX + "source");

    private AnnotationChecks() {
    }

    /** Checks every entry of {@code annotations}, the map found at {@code pointer}. */
    static void check(Map<String, String> annotations, String pointer, Findings findings) {
        annotations.forEach((key, value) -> {
            String at = Json.pointer(pointer, key);
            checkKey(key, at, findings);
            checkValue(key, value, at, findings);
        });
    }

    private static void checkKey(String key, String at, Findings findings) {
        if (key.isEmpty()) {
            findings.add(Rules.ANNOTATION_KEY_EMPTY, at, "annotation key is empty, expected a reverse-domain key"
                    + " such as com.example.key");
            return;
        }
        if (!Grammars.isReverseDomain(key)) {
            findings.add(Rules.ANNOTATION_KEY_FORMAT, at, "annotation key \"" + key
                    + "\" is not in reverse domain notation, expected something like com.example.key");
        }
        if (key.startsWith(PREFIX) && !PREDEFINED.contains(key.substring(PREFIX.length()))) {
            findings.add(Rules.ANNOTATION_KEY_RESERVED, at, "annotation key \"" + key
                    + "\" uses the reserved org.opencontainers.image namespace but is not a pre-defined key");
        }
    }

    private static void checkValue(String key, String value, String at, Findings findings) {
        if (key.equals(PREFIX + "created") && !Grammars.isDateTime(value)) {
            findings.add(Rules.ANNOTATION_CREATED_FORMAT, at, "expected an RFC 3339 date-time such as"
                    + " 2024-01-02T03:04:05Z, found \"" + value + "\"");
        } else if (URL_KEYS.contains(key) && !Grammars.isUri(value)) {
            findings.add(Rules.ANNOTATION_URL_FORMAT, at, "expected a URL, found \"" + value + "\"");
        } else if (key.equals(PREFIX + "ref.name") && !Grammars.isRefName(value)) {
            findings.add(Rules.ANNOTATION_REF_NAME_FORMAT, at, "expected a reference name of components"
                    + " [A-Za-z0-9]+ joined by one of -._:@+ or --, separated by /, found \"" + value + "\"");
        } else if (key.equals(PREFIX + "base.digest") && !Digest.isValid(value)) {
            findings.add(Rules.ANNOTATION_BASE_DIGEST_FORMAT, at, "expected a digest, "
                    + Digest.problemWith(value).orElse("found \"" + value + "\""));
        }
    }
}
