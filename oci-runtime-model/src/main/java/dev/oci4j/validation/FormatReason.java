package dev.oci4j.validation;

/**
 * Why a document could not be read, for programs: {@code ImageFormatException.reason()},
 * {@code RuntimeFormatException.reason()} and {@code DistributionFormatException.reason()} all return
 * it, and the validators give each reason one rule id (the table in docs/architecture.md). New reasons may be added in minor releases: a
 * {@code switch} over them needs a default branch.
 *
 * <pre>{@code
 * catch (RuntimeFormatException e) {
 *     if (e.reason() == FormatReason.NUMBER_OUT_OF_RANGE) { ... e.location() ... }
 * }
 * }</pre>
 */
public enum FormatReason {
    /** Not JSON: a syntax error, an empty document, trailing content, or bytes that are not UTF-8. Rule {@code json.malformed}. */
    MALFORMED_JSON,
    /** An object has the same member twice (I-JSON, RFC 7493 section 2.3); the location is the member. Rule {@code json.key.duplicate}. */
    DUPLICATE_KEY,
    /** Arrays and objects nest deeper than the codec allows (64 levels). Rule {@code json.depth}. */
    TOO_DEEP,
    /** The document is larger than the codec's size limit (4 MiB by default). Rule {@code json.size}. */
    TOO_LARGE,
    /**
     * A member has the wrong JSON type: a string where an object belongs, a fraction where an integer
     * does. Rule {@code json.type}.
     */
    WRONG_TYPE,
    /**
     * An integer outside what its member can hold (int64, int32, uint64, ...), or a number no Java type
     * holds cheaply (over 1000 characters, or an exponent beyond an int) where an integer belongs. Rule
     * {@code json.number.range}.
     */
    NUMBER_OUT_OF_RANGE,
    /** A member the model needs (a descriptor's digest or size, a manifest's config) is absent or null. */
    MISSING_MEMBER,
    /** A digest outside the grammar {@code algorithm:encoded} (image-spec descriptor.md "Digests"). */
    BAD_DIGEST_GRAMMAR,
    /** A registered algorithm's encoded part has the wrong alphabet or length (sha256: 64 lowercase hex). */
    BAD_DIGEST_ENCODING,
    /** Embedded {@code data} is not padded base64 (RFC 4648 section 4). */
    BAD_BASE64,
    /** A {@code created} text is not an RFC 3339 date-time. */
    BAD_DATE_TIME,
    /**
     * An image reference outside the grammar ({@code [registry/]repository[:tag][@digest]}, the
     * distribution spec's name and tag grammar); the location names the part: {@code registry},
     * {@code repository}, {@code tag} or {@code digest}. Only the distribution model reads references.
     */
    BAD_REFERENCE,
    /**
     * An HTTP header value outside its grammar ({@code WWW-Authenticate}, {@code Link}, {@code Range},
     * {@code Content-Range}); the location is the header name. Only the distribution model reads headers.
     */
    BAD_HEADER,
    /** Anything else: image layout and layer problems, which name the file or entry in the location. */
    OTHER
}
