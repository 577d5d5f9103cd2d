package dev.oci4j.distribution;

import dev.oci4j.validation.FormatReason;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An inclusive byte range, as the distribution spec's headers carry it: the {@code Range} a registry
 * reports for an upload session ({@code Range: 0-1023}, distribution-spec "Pushing a blob in
 * chunks"), the {@code Content-Range} a client sends with a PATCH ({@code 0-1023}, no unit), and the
 * HTTP {@code Content-Range} of a partial GET ({@code bytes 1024-2047/4096}, RFC 9110 section 14.4).
 *
 * <pre>{@code ContentRange.parseUploadRange("0-1023").length() // 1024}</pre>
 *
 * @param first         the first byte's offset
 * @param last          the last byte's offset, inclusive
 * @param completeLength the whole representation's length, when known (a partial GET's {@code /4096})
 */
public record ContentRange(long first, long last, OptionalLong completeLength) {

    private static final Pattern UPLOAD = Pattern.compile("(?:bytes=)?([0-9]{1,19})-([0-9]{1,19})");
    private static final Pattern HTTP = Pattern.compile("bytes ([0-9]{1,19})-([0-9]{1,19})/([0-9]{1,19}|\\*)");

    /**
     * A range.
     *
     * @param first          the first offset
     * @param last           the last offset, inclusive, not before {@code first}
     * @param completeLength the total length when known
     */
    public ContentRange {
        if (first < 0 || last < first) {
            throw new IllegalArgumentException("range " + first + "-" + last + " is not a range: expected 0 <= first <= last");
        }
        if (completeLength.isPresent() && completeLength.getAsLong() <= last) {
            throw new IllegalArgumentException("range " + first + "-" + last + " ends beyond the complete length "
                    + completeLength.getAsLong());
        }
    }

    /**
     * The range of {@code length} bytes starting at {@code first}.
     *
     * @param first  the first offset
     * @param length how many bytes, at least one
     * @return the range
     */
    public static ContentRange of(long first, long length) {
        if (length < 1) {
            throw new IllegalArgumentException("a range holds at least one byte, found length " + length);
        }
        return new ContentRange(first, first + length - 1, OptionalLong.empty());
    }

    /**
     * Parses an upload session's {@code Range} header ({@code 0-1023}; {@code bytes=0-1023} is accepted too).
     *
     * @param header the header value
     * @return the range
     * @throws DistributionFormatException with reason {@code BAD_HEADER} and location {@code Range}
     */
    public static ContentRange parseUploadRange(String header) {
        Matcher m = UPLOAD.matcher(header.trim());
        if (!m.matches()) {
            throw bad("Range", header, "expected <first>-<last>");
        }
        return build("Range", header, m.group(1), m.group(2), null);
    }

    /**
     * Parses a partial GET's {@code Content-Range} ({@code bytes 1024-2047/4096} or {@code bytes 1024-2047/*}).
     *
     * @param header the header value
     * @return the range
     * @throws DistributionFormatException with reason {@code BAD_HEADER} and location {@code Content-Range}
     */
    public static ContentRange parse(String header) {
        Matcher m = HTTP.matcher(header.trim());
        if (!m.matches()) {
            throw bad("Content-Range", header, "expected bytes <first>-<last>/<length>");
        }
        return build("Content-Range", header, m.group(1), m.group(2), m.group(3).equals("*") ? null : m.group(3));
    }

    private static ContentRange build(String name, String header, String first, String last, String total) {
        try {
            long f = Long.parseLong(first);
            long l = Long.parseLong(last);
            OptionalLong t = total == null ? OptionalLong.empty() : OptionalLong.of(Long.parseLong(total));
            return new ContentRange(f, l, t);
        } catch (NumberFormatException e) {
            throw bad(name, header, "a number is larger than 2^63-1");
        } catch (IllegalArgumentException e) {
            throw bad(name, header, e.getMessage());
        }
    }

    private static DistributionFormatException bad(String name, String header, String expected) {
        String shown = header.length() > 80 ? header.substring(0, 77) + "..." : header;
        return new DistributionFormatException(FormatReason.BAD_HEADER, name, "\"" + shown + "\": " + expected);
    }

    /** {@return how many bytes the range holds} */
    public long length() {
        return last - first + 1;
    }

    /** {@return the PATCH request's {@code Content-Range} value, {@code <first>-<last>} (distribution-spec, no unit)} */
    public String toUploadHeader() {
        return first + "-" + last;
    }

    /** The HTTP form, {@code bytes <first>-<last>/<length or *>}. */
    @Override
    public String toString() {
        return "bytes " + first + "-" + last + "/" + (completeLength.isPresent() ? completeLength.getAsLong() : "*");
    }
}
