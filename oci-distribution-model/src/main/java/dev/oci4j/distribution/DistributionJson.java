package dev.oci4j.distribution;

import com.fasterxml.jackson.databind.JsonNode;
import dev.oci4j.image.ImageFormatException;
import dev.oci4j.image.ImageIndex;
import dev.oci4j.image.ImageJson;
import dev.oci4j.internal.json.FormatErrors;
import dev.oci4j.internal.json.Json;
import dev.oci4j.internal.json.JsonFields;
import dev.oci4j.internal.json.JsonObjectWriter;

/**
 * The distribution module's JSON codec: registry error bodies, tag lists, catalogs and referrers
 * responses. It reads and writes through the same JSON layer as the image and runtime models, so
 * reading is strict about JSON (no duplicate members, nesting bounded at 64 levels, numbers kept
 * exactly) and lenient about content (unknown members are kept, {@code "tags": null} is an empty
 * list); writing is compact UTF-8 with the known members first, in the Go reference's order, then
 * the unknown ones in the order they were read.
 *
 * <pre>{@code ErrorResponse r = DistributionJson.standard().readErrorResponse(body);}</pre>
 */
public final class DistributionJson {

    private static final DistributionJson STANDARD = new DistributionJson();

    /** Every read failure is this module's exception. */
    private static final FormatErrors ERRORS = DistributionFormatException::new;

    private DistributionJson() {
    }

    /**
     * The codec.
     *
     * @return the one instance
     */
    public static DistributionJson standard() {
        return STANDARD;
    }

    /** The members of the JSON object {@code bytes} holds. */
    private static JsonFields root(byte[] bytes) {
        return JsonFields.of(Json.readTree(bytes, ERRORS), "", ERRORS);
    }

    /**
     * Reads an error body. A member {@code errors} that is missing reads as no errors; an entry
     * without {@code code} reads as {@code UNKNOWN}.
     *
     * @param bytes the body
     * @return the response
     * @throws DistributionFormatException when the body is not such an object; its reason is a JSON
     *                                     reason ({@code MALFORMED_JSON}, {@code WRONG_TYPE}, ...)
     */
    public ErrorResponse readErrorResponse(byte[] bytes) {
        JsonFields f = root(bytes);
        ErrorResponse.Builder b = ErrorResponse.builder().errors(f.objectList("errors", DistributionJson::readError));
        return b.extensions(f.unknown()).build();
    }

    private static RegistryError readError(JsonFields e) {
        RegistryError.Builder b = RegistryError.builder().code(ErrorCode.of(e.string("code").orElse("UNKNOWN")));
        e.string("message").ifPresent(b::message);
        e.raw("detail").ifPresent(b::detail);
        return b.extensions(e.unknown()).build();
    }

    /**
     * Reads a tag list.
     *
     * @param bytes the body
     * @return the tag list, tags in the registry's order
     * @throws DistributionFormatException when the body is not such an object
     */
    public TagList readTagList(byte[] bytes) {
        JsonFields f = root(bytes);
        TagList.Builder b = TagList.builder().name(f.string("name").orElse("")).tags(f.stringList("tags"));
        return b.extensions(f.unknown()).build();
    }

    /**
     * Reads a catalog.
     *
     * @param bytes the body
     * @return the catalog
     * @throws DistributionFormatException when the body is not such an object
     */
    public Catalog readCatalog(byte[] bytes) {
        JsonFields f = root(bytes);
        return Catalog.builder().repositories(f.stringList("repositories")).extensions(f.unknown()).build();
    }

    /**
     * Reads a referrers response, an image index (distribution-spec "Listing Referrers").
     *
     * @param bytes the body
     * @return the index
     * @throws DistributionFormatException when the body is not an image index, with the image codec's
     *                                     reason, location and detail
     */
    public ImageIndex readReferrers(byte[] bytes) {
        try {
            return ImageJson.readIndex(bytes);
        } catch (ImageFormatException e) {
            throw new DistributionFormatException(e.reason(), e.location(), "referrers response: " + e.detail(), e);
        }
    }

    /**
     * Writes an error body; an error without a message is written with {@code "message":""}, as the
     * distribution spec's error body always has one.
     *
     * @param response the response
     * @return compact UTF-8 JSON
     */
    public byte[] write(ErrorResponse response) {
        return Json.write(new JsonObjectWriter()
                .putObjects("errors", response.errors(), DistributionJson::writeError)
                .extensions(response.extensions())
                .node());
    }

    private static JsonNode writeError(RegistryError e) {
        return new JsonObjectWriter()
                .put("code", e.code().value())
                .put("message", e.message().orElse(""))
                .putRawIfPresent("detail", e.detail())
                .extensions(e.extensions())
                .node();
    }

    /**
     * Writes a tag list.
     *
     * @param tags the tag list
     * @return compact UTF-8 JSON
     */
    public byte[] write(TagList tags) {
        return Json.write(new JsonObjectWriter()
                .put("name", tags.name())
                .putStrings("tags", tags.tags())
                .extensions(tags.extensions())
                .node());
    }

    /**
     * Writes a catalog.
     *
     * @param catalog the catalog
     * @return compact UTF-8 JSON
     */
    public byte[] write(Catalog catalog) {
        return Json.write(new JsonObjectWriter()
                .putStrings("repositories", catalog.repositories())
                .extensions(catalog.extensions())
                .node());
    }
}
