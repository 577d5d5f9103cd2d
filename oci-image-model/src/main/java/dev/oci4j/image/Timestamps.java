package dev.oci4j.image;

import dev.oci4j.validation.FormatReason;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** RFC 3339 date-times as the spec's {@code created} fields carry them. */
final class Timestamps {

    /** RFC 3339 section 5.6 date-time; the fraction may have any number of digits, T and Z any case. */
    private static final Pattern DATE_TIME = Pattern.compile(
            "(\\d{4}-\\d{2}-\\d{2})[Tt](\\d{2}):(\\d{2}):(\\d{2})(?:\\.(\\d+))?([Zz]|[+-]\\d{2}:\\d{2})");

    private Timestamps() {
    }

    /**
     * Parses RFC 3339 text; fraction digits beyond nanoseconds are dropped.
     *
     * @param pointer where the text came from, for the error
     */
    static OffsetDateTime parse(String text, String pointer) {
        Matcher m = DATE_TIME.matcher(text);
        try {
            if (m.matches()) {
                String fraction = m.group(5) == null ? "" : m.group(5);
                fraction = (fraction + "000000000").substring(0, 9);
                LocalTime time = LocalTime.of(Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)),
                        Integer.parseInt(m.group(4)), Integer.parseInt(fraction));
                ZoneOffset offset = m.group(6).equalsIgnoreCase("z") ? ZoneOffset.UTC : ZoneOffset.of(m.group(6));
                return OffsetDateTime.of(LocalDate.parse(m.group(1)), time, offset);
            }
        } catch (DateTimeException e) {
            throw new ImageFormatException(FormatReason.BAD_DATE_TIME, pointer,
                    "expected an RFC 3339 date-time, found \"" + text + "\"", e);
        }
        throw new ImageFormatException(FormatReason.BAD_DATE_TIME, pointer,
                "expected an RFC 3339 date-time, found \"" + text + "\"");
    }

    /** UTC with as many fraction digits as needed, as Go's time.Time marshals: 2015-10-31T22:22:56.015925234Z. */
    static String format(Instant instant) {
        return DateTimeFormatter.ISO_INSTANT.format(instant);
    }
}
