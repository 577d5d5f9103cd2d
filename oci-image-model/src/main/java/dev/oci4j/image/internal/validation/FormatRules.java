package dev.oci4j.image.internal.validation;

import dev.oci4j.image.ImageDocument;
import dev.oci4j.internal.validation.Rule;
import dev.oci4j.validation.FormatReason;

/**
 * The rule a document breaks when the codec cannot read it: chosen by the exception's reason and, for
 * a missing member, by which member its location names. Never by the message, whose wording may change.
 * The JSON reasons have the rule ids the runtime validator gives them too ({@code JsonRules}).
 */
final class FormatRules {

    private FormatRules() {
    }

    /** The rule for a read failure of {@code reason} at JSON pointer {@code location} in a document of {@code kind}. */
    static Rule ruleFor(FormatReason reason, String location, ImageDocument<?> kind) {
        // No default branch: a new reason does not compile until it has a rule.
        return switch (reason) {
            case MALFORMED_JSON, DUPLICATE_KEY, TOO_DEEP, TOO_LARGE, WRONG_TYPE, NUMBER_OUT_OF_RANGE ->
                    Rules.JSON_RULES.forReason(reason).orElseThrow();
            // References and headers are not image documents: a reason the image codec never gives.
            case OTHER, BAD_REFERENCE, BAD_HEADER -> Rules.JSON_MALFORMED;
            case MISSING_MEMBER -> missing(location, kind);
            case BAD_DIGEST_GRAMMAR -> Rules.DIGEST_GRAMMAR;
            case BAD_DIGEST_ENCODING -> Rules.DIGEST_ENCODING;
            case BAD_BASE64 -> Rules.DESCRIPTOR_DATA_BASE64;
            case BAD_DATE_TIME -> location.startsWith("/history/")
                    ? Rules.CONFIG_HISTORY_CREATED_FORMAT : Rules.CONFIG_CREATED_FORMAT;
        };
    }

    /** The REQUIRED members the codec insists on have rules of their own; any other is json.member.missing. */
    private static Rule missing(String location, ImageDocument<?> kind) {
        if (kind == ImageDocument.MANIFEST && location.equals("/config")) {
            return Rules.MANIFEST_CONFIG_MISSING;
        }
        // Only descriptors have members named digest and size.
        String member = location.substring(location.lastIndexOf('/') + 1);
        return switch (member) {
            case "digest" -> Rules.DESCRIPTOR_DIGEST_MISSING;
            case "size" -> Rules.DESCRIPTOR_SIZE_MISSING;
            default -> Rules.JSON_MEMBER_MISSING;
        };
    }
}
