package dev.oci4j.image;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/** RFC 3339 date-times as the spec's {@code created} fields carry them. */
final class Timestamps {

    private Timestamps() {
    }

    /**
     * Parses RFC 3339 section 5.6 text; the lower-case {@code t}/{@code z} RFC 3339 allows are accepted.
     *
     * @param pointer where the text came from, for the error
     */
    static OffsetDateTime parse(String text, String pointer) {
        try {
            return OffsetDateTime.parse(text.toUpperCase(Locale.ROOT), DateTimeFormatter.ISO_OFFSET_DATE_TIME);
        } catch (DateTimeParseException e) {
            throw new ImageFormatException(pointer, "expected an RFC 3339 date-time, found \"" + text + "\"", e);
        }
    }

    /** UTC with as many fraction digits as needed, as Go's time.Time marshals: 2015-10-31T22:22:56.015925234Z. */
    static String format(Instant instant) {
        return DateTimeFormatter.ISO_INSTANT.format(instant);
    }
}
