package dev.oci4j.image.internal.validation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.oci4j.image.Digest;
import dev.oci4j.image.DigestFormatException;
import dev.oci4j.image.DocumentKind;
import dev.oci4j.image.ImageFormatException;
import dev.oci4j.image.ImageJson;
import dev.oci4j.image.MediaType;
import dev.oci4j.internal.json.Json;
import dev.oci4j.internal.validation.Findings;
import dev.oci4j.validation.FormatReason;
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

    private static final ImageJson CODEC = ImageJson.standard();

    record Outcome<T>(Optional<T> model, Set<String> repaired) {
    }

    private DocumentParser() {
    }

    static <T> Outcome<T> parse(byte[] bytes, DocumentKind<T> kind, Findings findings) {
        JsonNode tree;
        try {
            if (bytes.length > CODEC.maxDocumentSize()) {
                throw new ImageFormatException(FormatReason.TOO_LARGE, "", "document is larger than"
                        + " the limit of " + CODEC.maxDocumentSize() + " bytes, found " + bytes.length + " bytes");
            }
            tree = Json.readTree(bytes, ImageFormatException::new);
        } catch (ImageFormatException e) {
            report(e, kind, findings);
            return new Outcome<>(Optional.empty(), Set.of());
        }
        Set<String> repaired = new HashSet<>();
        if (tree.isObject()) {
            for (String at : descriptorPointers(tree, kind)) {
                repairDescriptor(tree.at(at), at, kind, findings, repaired);
            }
            if (kind == DocumentKind.CONFIGURATION) {
                repairDiffIds(tree, kind, findings, repaired);
            }
        }
        try {
            T model = CODEC.read(kind, repaired.isEmpty() ? bytes : Json.write(tree));
            return new Outcome<>(Optional.of(model), repaired);
        } catch (ImageFormatException e) {
            report(e, kind, findings);
            // The model could not be read, but a document of the wrong type is worth saying so.
            checkDocumentType(tree, kind, findings);
            return new Outcome<>(Optional.empty(), repaired);
        }
    }

    /** One violation for what the codec refused: the rule from the reason, the message without the location. */
    private static void report(ImageFormatException e, DocumentKind<?> kind, Findings findings) {
        findings.add(FormatRules.ruleFor(e.reason(), e.location(), kind), e.location(), e.detail());
    }

    private static void checkDocumentType(JsonNode tree, DocumentKind<?> kind, Findings findings) {
        JsonNode mediaType = tree.get("mediaType");
        if (mediaType == null || !mediaType.isTextual()) {
            return;
        }
        String found = mediaType.textValue();
        if (kind == DocumentKind.MANIFEST && !found.equals(MediaType.OCI_MANIFEST.value())) {
            findings.add(Rules.MANIFEST_MEDIA_TYPE_MISMATCH, "/mediaType", "an image manifest must have mediaType "
                    + MediaType.OCI_MANIFEST + ", found " + found);
        } else if (kind == DocumentKind.INDEX && !found.equals(MediaType.OCI_INDEX.value())) {
            findings.add(Rules.INDEX_MEDIA_TYPE_MISMATCH, "/mediaType", "an image index must have mediaType "
                    + MediaType.OCI_INDEX + ", found " + found);
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

    private static void repairDescriptor(JsonNode node, String at, DocumentKind<?> kind, Findings findings,
            Set<String> repaired) {
        if (!(node instanceof ObjectNode d)) {
            return;
        }
        JsonNode digest = d.get("digest");
        if (digest == null || digest.isNull()) {
            findings.add(Rules.DESCRIPTOR_DIGEST_MISSING, at + "/digest", "required member \"digest\" is missing");
            d.put("digest", PLACEHOLDER_DIGEST);
            repaired.add(at);
        } else if (digest.isTextual() && digestProblem(digest.textValue(), at + "/digest", kind, findings)) {
            d.put("digest", PLACEHOLDER_DIGEST);
            repaired.add(at);
        }
        JsonNode size = d.get("size");
        if (size == null || size.isNull()) {
            findings.add(Rules.DESCRIPTOR_SIZE_MISSING, at + "/size", "required member \"size\" is missing,"
                    + " expected the content length in bytes");
            d.put("size", 0);
            repaired.add(at);
        }
        JsonNode data = d.get("data");
        if (data != null && data.isTextual()) {
            base64Problem(data.textValue()).ifPresent(problem -> {
                findings.add(Rules.DESCRIPTOR_DATA_BASE64, at + "/data", problem);
                d.remove("data");
                repaired.add(at);
            });
        }
    }

    /** RFC 4648 section 4, padded as Go's decoder (and so the codec) insists. */
    private static Optional<String> base64Problem(String text) {
        if (text.length() % 4 != 0) {
            return Optional.of("expected base64 (RFC 4648 section 4) padded to a multiple of 4 characters, found "
                    + text.length() + " characters");
        }
        try {
            Base64.getDecoder().decode(text);
            return Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.of("expected base64 (RFC 4648 section 4), " + e.getMessage());
        }
    }

    private static void repairDiffIds(JsonNode tree, DocumentKind<?> kind, Findings findings, Set<String> repaired) {
        JsonNode ids = tree.path("rootfs").path("diff_ids");
        if (!ids.isArray()) {
            return;
        }
        for (int i = 0; i < ids.size(); i++) {
            JsonNode id = ids.get(i);
            if (id.isTextual() && digestProblem(id.textValue(), "/rootfs/diff_ids/" + i, kind, findings)) {
                ((ArrayNode) ids).set(i, PLACEHOLDER_DIGEST);
                repaired.add("/rootfs/diff_ids/" + i);
            }
        }
    }

    /** Reports a digest Digest.parse refuses, with the rule its reason names; true when there was one. */
    private static boolean digestProblem(String text, String at, DocumentKind<?> kind, Findings findings) {
        try {
            Digest.parse(text);
            return false;
        } catch (DigestFormatException e) {
            findings.add(FormatRules.ruleFor(e.reason(), at, kind), at, e.getMessage());
            return true;
        }
    }
}
