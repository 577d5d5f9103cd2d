package dev.oci4j.image.internal.validation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.oci4j.image.Digest;
import dev.oci4j.image.DocumentKind;
import dev.oci4j.image.ImageFormatException;
import dev.oci4j.image.ImageJson;
import dev.oci4j.image.internal.json.Json;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Reads a document for validation without stopping at the first bad digest: the codec refuses a
 * document with a malformed digest or base64 {@code data} (the model cannot hold them), so those
 * are found here first, reported, and replaced by placeholders, and the repaired document is read
 * so every other rule still runs. What cannot be repaired (malformed JSON, a wrong JSON type) is
 * reported as one violation and ends the validation.
 */
final class DocumentParser {

    // Stands in for a broken digest so the rest of the document can be read; the checks that would
    // compare content against it are dropped (see Outcome#repaired).
    private static final String PLACEHOLDER_DIGEST = "sha256:" + "0".repeat(64);

    record Outcome<T>(Optional<T> model, Set<String> repaired) {
    }

    private DocumentParser() {
    }

    static <T> Outcome<T> parse(byte[] bytes, DocumentKind<T> kind, Findings findings) {
        JsonNode tree;
        try {
            tree = Json.readTree(bytes, ImageFormatException::new);
        } catch (ImageFormatException e) {
            findings.add(Rules.JSON_MALFORMED, e.location(), stripLocation(e));
            return new Outcome<>(Optional.empty(), Set.of());
        }
        Set<String> repaired = new HashSet<>();
        if (tree.isObject()) {
            for (String at : descriptorPointers(tree, kind)) {
                repairDescriptor(tree.at(at), at, findings, repaired);
            }
            if (kind == DocumentKind.CONFIGURATION) {
                repairDiffIds(tree, findings, repaired);
            }
        }
        try {
            T model = ImageJson.standard().read(kind, repaired.isEmpty() ? bytes : Json.write(tree));
            return new Outcome<>(Optional.of(model), repaired);
        } catch (ImageFormatException e) {
            findings.add(classify(e), e.location(), stripLocation(e));
            return new Outcome<>(Optional.empty(), repaired);
        }
    }

    /** Where descriptors sit in a document of this kind. */
    private static List<String> descriptorPointers(JsonNode tree, DocumentKind<?> kind) {
        List<String> out = new ArrayList<>();
        if (kind == DocumentKind.DESCRIPTOR) {
            out.add("");
        } else if (kind == DocumentKind.MANIFEST) {
            out.add("/config");
            addArray(tree, "layers", out);
            out.add("/subject");
        } else if (kind == DocumentKind.INDEX) {
            addArray(tree, "manifests", out);
            out.add("/subject");
        }
        return out;
    }

    private static void addArray(JsonNode tree, String key, List<String> out) {
        JsonNode array = tree.get(key);
        if (array != null && array.isArray()) {
            for (int i = 0; i < array.size(); i++) {
                out.add("/" + key + "/" + i);
            }
        }
    }

    private static void repairDescriptor(JsonNode node, String at, Findings findings, Set<String> repaired) {
        if (!(node instanceof ObjectNode d)) {
            return;
        }
        JsonNode digest = d.get("digest");
        if (digest == null || digest.isNull()) {
            findings.add(Rules.DESCRIPTOR_DIGEST_MISSING, at + "/digest", "required member \"digest\" is missing");
            d.put("digest", PLACEHOLDER_DIGEST);
            repaired.add(at);
        } else if (digest.isTextual() && !Digest.isValid(digest.textValue())) {
            findings.add(digestRule(digest.textValue()), at + "/digest", Digest.problemWith(digest.textValue()).get());
            d.put("digest", PLACEHOLDER_DIGEST);
            repaired.add(at);
        }
        JsonNode data = d.get("data");
        if (data != null && data.isTextual()) {
            try {
                Base64.getDecoder().decode(data.textValue());
            } catch (IllegalArgumentException e) {
                findings.add(Rules.DESCRIPTOR_DATA_BASE64, at + "/data", "expected base64 (RFC 4648 section 4), "
                        + e.getMessage());
                d.remove("data");
                repaired.add(at);
            }
        }
    }

    private static void repairDiffIds(JsonNode tree, Findings findings, Set<String> repaired) {
        JsonNode ids = tree.path("rootfs").path("diff_ids");
        if (!ids.isArray()) {
            return;
        }
        for (int i = 0; i < ids.size(); i++) {
            JsonNode id = ids.get(i);
            if (id.isTextual() && !Digest.isValid(id.textValue())) {
                findings.add(digestRule(id.textValue()), "/rootfs/diff_ids/" + i,
                        Digest.problemWith(id.textValue()).get());
                ((ArrayNode) ids).set(i, PLACEHOLDER_DIGEST);
                repaired.add("/rootfs/diff_ids/" + i);
            }
        }
    }

    /** Grammar errors, or a registered algorithm with the wrong encoded part. */
    private static Rule digestRule(String text) {
        int colon = text.indexOf(':');
        if (colon > 0) {
            String algorithm = text.substring(0, colon);
            String encoded = text.substring(colon + 1);
            boolean registered = algorithm.equals(Digest.SHA256) || algorithm.equals(Digest.SHA512);
            if (registered && encoded.matches("[a-zA-Z0-9=_-]+")) {
                return Rules.DIGEST_ENCODING;
            }
        }
        return Rules.DIGEST_GRAMMAR;
    }

    private static Rule classify(ImageFormatException e) {
        String at = e.location();
        String message = e.getMessage();
        if (message.contains("required member")) {
            return at.endsWith("/digest") ? Rules.DESCRIPTOR_DIGEST_MISSING : Rules.JSON_MEMBER_MISSING;
        }
        if (at.endsWith("/data")) {
            return Rules.DESCRIPTOR_DATA_BASE64;
        }
        if (at.endsWith("/digest") || at.contains("/diff_ids/")) {
            return message.contains("needs") ? Rules.DIGEST_ENCODING : Rules.DIGEST_GRAMMAR;
        }
        if (at.isEmpty() && !message.startsWith("expected")) {
            return Rules.JSON_MALFORMED;
        }
        return Rules.JSON_TYPE;
    }

    /** The exception message without the "pointer: " prefix the violation carries separately. */
    private static String stripLocation(ImageFormatException e) {
        String m = e.getMessage();
        String prefix = e.location() + ": ";
        return !e.location().isEmpty() && m.startsWith(prefix) ? m.substring(prefix.length()) : m;
    }
}
