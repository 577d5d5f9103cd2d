package dev.oci4j.distribution;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.oci4j.distribution.DistributionFormatException.Reason;
import dev.oci4j.distribution.internal.Json;
import dev.oci4j.image.ImageFormatException;
import dev.oci4j.image.ImageIndex;
import dev.oci4j.image.ImageJson;
import dev.oci4j.validation.FormatReason;
import java.util.List;
import java.util.Set;

/**
 * The distribution module's JSON codec: registry error bodies, tag lists, catalogs and referrers
 * responses. Reading is strict about JSON (no duplicate members, bounded nesting) and lenient about
 * content (unknown members are kept, {@code "tags": null} is an empty list); writing is compact UTF-8
 * with the known members first, in the Go reference's order.
 *
 * <pre>{@code ErrorResponse r = DistributionJson.standard().readErrorResponse(body);}</pre>
 */
public final class DistributionJson {

    private static final DistributionJson STANDARD = new DistributionJson();

    private DistributionJson() {
    }

    /** {@return the codec} */
    public static DistributionJson standard() {
        return STANDARD;
    }

    /**
     * Reads an error body. A member {@code errors} that is missing reads as no errors; an entry
     * without {@code code} reads as {@code UNKNOWN}.
     *
     * @param bytes the body
     * @return the response
     * @throws DistributionFormatException when the body is not such an object
     */
    public ErrorResponse readErrorResponse(byte[] bytes) {
        ObjectNode root = Json.readObject(bytes, "error body");
        ErrorResponse.Builder b = ErrorResponse.builder();
        List<JsonNode> errors = Json.array(root, "errors", "/errors");
        for (int i = 0; i < errors.size(); i++) {
            JsonNode e = errors.get(i);
            String at = "/errors/" + i;
            if (!e.isObject()) {
                throw new DistributionFormatException(Reason.WRONG_TYPE, at, "expected an object, found "
                        + e.getNodeType().toString().toLowerCase());
            }
            String code = Json.string(e, "code", at + "/code");
            RegistryError.Builder eb = RegistryError.builder().code(ErrorCode.of(code == null ? "UNKNOWN" : code));
            String message = Json.string(e, "message", at + "/message");
            if (message != null) {
                eb.message(message);
            }
            JsonNode detail = e.get("detail");
            if (detail != null && !detail.isNull()) {
                eb.detail(Json.raw(detail));
            }
            Json.extensions(e, RegistryError.KEYS).forEach(eb::putExtension);
            b.addError(eb.build());
        }
        Json.extensions(root, Set.of("errors")).forEach(b::putExtension);
        return b.build();
    }

    /**
     * Reads a tag list.
     *
     * @param bytes the body
     * @return the tag list, tags in the registry's order
     * @throws DistributionFormatException when the body is not such an object
     */
    public TagList readTagList(byte[] bytes) {
        ObjectNode root = Json.readObject(bytes, "tag list");
        TagList.Builder b = TagList.builder();
        String name = Json.string(root, "name", "/name");
        b.name(name == null ? "" : name);
        b.tags(Json.strings(root, "tags", "/tags"));
        Json.extensions(root, TagList.KEYS).forEach(b::putExtension);
        return b.build();
    }

    /**
     * Reads a catalog.
     *
     * @param bytes the body
     * @return the catalog
     * @throws DistributionFormatException when the body is not such an object
     */
    public Catalog readCatalog(byte[] bytes) {
        ObjectNode root = Json.readObject(bytes, "catalog");
        Catalog.Builder b = Catalog.builder().repositories(Json.strings(root, "repositories", "/repositories"));
        Json.extensions(root, Catalog.KEYS).forEach(b::putExtension);
        return b.build();
    }

    /**
     * Reads a referrers response, an image index (distribution-spec "Listing Referrers").
     *
     * @param bytes the body
     * @return the index
     * @throws DistributionFormatException when the body is not an image index
     */
    public ImageIndex readReferrers(byte[] bytes) {
        try {
            return ImageJson.readIndex(bytes);
        } catch (ImageFormatException e) {
            Reason reason = e.reason() == FormatReason.WRONG_TYPE
                    || e.reason() == FormatReason.MISSING_MEMBER ? Reason.WRONG_TYPE : Reason.MALFORMED_JSON;
            throw new DistributionFormatException(reason, e.location(), "referrers response: " + e.detail(), e);
        }
    }

    /**
     * Writes an error body.
     *
     * @param response the response
     * @return compact UTF-8 JSON
     */
    public byte[] write(ErrorResponse response) {
        return Json.write(g -> {
            g.writeArrayFieldStart("errors");
            for (RegistryError e : response.errors()) {
                g.writeStartObject();
                g.writeStringField("code", e.code().value());
                g.writeStringField("message", e.message().orElse(""));
                if (e.detail().isPresent()) {
                    g.writeFieldName("detail");
                    g.writeRawValue(e.detail().get());
                }
                Json.writeExtensions(g, e.extensions());
                g.writeEndObject();
            }
            g.writeEndArray();
            Json.writeExtensions(g, response.extensions());
        });
    }

    /**
     * Writes a tag list.
     *
     * @param tags the tag list
     * @return compact UTF-8 JSON
     */
    public byte[] write(TagList tags) {
        return Json.write(g -> {
            g.writeStringField("name", tags.name());
            g.writeArrayFieldStart("tags");
            for (String t : tags.tags()) {
                g.writeString(t);
            }
            g.writeEndArray();
            Json.writeExtensions(g, tags.extensions());
        });
    }

    /**
     * Writes a catalog.
     *
     * @param catalog the catalog
     * @return compact UTF-8 JSON
     */
    public byte[] write(Catalog catalog) {
        return Json.write(g -> {
            g.writeArrayFieldStart("repositories");
            for (String r : catalog.repositories()) {
                g.writeString(r);
            }
            g.writeEndArray();
            Json.writeExtensions(g, catalog.extensions());
        });
    }
}
