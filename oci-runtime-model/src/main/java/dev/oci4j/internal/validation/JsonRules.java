package dev.oci4j.internal.validation;

import static dev.oci4j.validation.Severity.ERROR;

import dev.oci4j.validation.FormatReason;
import java.util.List;
import java.util.Optional;

/**
 * The rules a document breaks when it cannot be read as JSON, one per {@link FormatReason} of the
 * JSON layer, with the same ids in every module: {@code json.malformed}, {@code json.size},
 * {@code json.depth}, {@code json.key.duplicate}, {@code json.type}, {@code json.number.range},
 * {@code json.member.missing}. Each module places them in its own spec's section.
 */
public record JsonRules(Rule malformed, Rule size, Rule depth, Rule duplicateKey, Rule type, Rule numberRange,
        Rule memberMissing) {

    /** The JSON rules of documents described in {@code section}. */
    public static JsonRules in(String section) {
        return new JsonRules(
                new Rule("json.malformed", ERROR, section,
                        "the document MUST be JSON (RFC 8259) in UTF-8"),
                new Rule("json.size", ERROR, section,
                        "the document must fit the reader's size limit (4 MiB by default)"),
                new Rule("json.depth", ERROR, section,
                        "arrays and objects must nest at most 64 levels deep"),
                new Rule("json.key.duplicate", ERROR, section,
                        "member names within an object MUST be unique (I-JSON, RFC 7493)"),
                new Rule("json.type", ERROR, section,
                        "each member has the JSON type of its Go field: string, integer, boolean, array or object"),
                new Rule("json.number.range", ERROR, section,
                        "an integer member fits its Go type (int32, int64, uint16, uint32, uint64)"),
                new Rule("json.member.missing", ERROR, section,
                        "a member the model needs is present and not null"));
    }

    /** The rule of a JSON-level reason; empty for the reasons a module's own rules name (digests, base64, dates, OTHER). */
    public Optional<Rule> forReason(FormatReason reason) {
        return Optional.ofNullable(switch (reason) {
            case MALFORMED_JSON -> malformed;
            case TOO_LARGE -> size;
            case TOO_DEEP -> depth;
            case DUPLICATE_KEY -> duplicateKey;
            case WRONG_TYPE -> type;
            case NUMBER_OUT_OF_RANGE -> numberRange;
            case MISSING_MEMBER -> memberMissing;
            default -> null;
        });
    }

    /** The seven rules, for a module's catalog. */
    public List<Rule> all() {
        return List.of(malformed, size, depth, duplicateKey, type, numberRange, memberMissing);
    }
}
