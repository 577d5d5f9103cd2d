package dev.oci4j.distribution;

import dev.oci4j.validation.FormatReason;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * One link of a {@code Link} header (RFC 8288), as registries send it to page through tag lists,
 * catalogs and referrers (distribution-spec "Listing Tags": {@code Link: <url>; rel="next"}).
 *
 * <pre>{@code Link: </v2/library/busybox/tags/list?n=100&last=1.36>; rel="next"}</pre>
 *
 * @param target the URI reference between the angle brackets, unresolved
 * @param rel    the relation type, lowercased; "" when the link names none
 */
public record Link(String target, String rel) {

    /** Header values longer than this are refused rather than parsed. */
    public static final int MAX_HEADER_LENGTH = 16 * 1024;

    /**
     * A link.
     *
     * @param target the URI reference
     * @param rel    the relation type
     */
    public Link {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(rel, "rel");
    }

    /**
     * Parses every link of one header value.
     *
     * @param header the header value
     * @return the links in order
     * @throws DistributionFormatException with reason {@code BAD_HEADER} and location {@code Link}
     */
    public static List<Link> parseAll(String header) {
        Objects.requireNonNull(header, "header");
        if (header.length() > MAX_HEADER_LENGTH) {
            throw bad("value has " + header.length() + " characters, at most " + MAX_HEADER_LENGTH + " are read");
        }
        List<Link> out = new ArrayList<>();
        int i = 0;
        int n = header.length();
        while (true) {
            while (i < n && (header.charAt(i) == ' ' || header.charAt(i) == '\t' || header.charAt(i) == ',')) {
                i++;
            }
            if (i >= n) {
                return out;
            }
            if (header.charAt(i) != '<') {
                throw bad("expected '<' at offset " + i + ", found '" + header.charAt(i) + "'");
            }
            int close = header.indexOf('>', i);
            if (close < 0) {
                throw bad("the URI starting at offset " + i + " has no closing '>'");
            }
            String target = header.substring(i + 1, close);
            i = close + 1;
            String rel = "";
            // parameters: ; name[=value|"value"]
            while (true) {
                while (i < n && (header.charAt(i) == ' ' || header.charAt(i) == '\t')) {
                    i++;
                }
                if (i >= n || header.charAt(i) == ',') {
                    break;
                }
                if (header.charAt(i) != ';') {
                    throw bad("expected ';' or ',' at offset " + i + ", found '" + header.charAt(i) + "'");
                }
                i++;
                while (i < n && (header.charAt(i) == ' ' || header.charAt(i) == '\t')) {
                    i++;
                }
                int nameStart = i;
                while (i < n && header.charAt(i) != '=' && header.charAt(i) != ';' && header.charAt(i) != ','
                        && header.charAt(i) != ' ') {
                    i++;
                }
                String name = header.substring(nameStart, i).toLowerCase(Locale.ROOT);
                while (i < n && header.charAt(i) == ' ') {
                    i++;
                }
                String value = "";
                if (i < n && header.charAt(i) == '=') {
                    i++;
                    while (i < n && header.charAt(i) == ' ') {
                        i++;
                    }
                    if (i < n && header.charAt(i) == '"') {
                        int end = header.indexOf('"', i + 1);
                        if (end < 0) {
                            throw bad("the quoted value at offset " + i + " is not closed");
                        }
                        value = header.substring(i + 1, end);
                        i = end + 1;
                    } else {
                        int start = i;
                        while (i < n && header.charAt(i) != ';' && header.charAt(i) != ',' && header.charAt(i) != ' ') {
                            i++;
                        }
                        value = header.substring(start, i);
                    }
                }
                if (name.equals("rel") && rel.isEmpty()) {
                    rel = value.toLowerCase(Locale.ROOT);
                }
            }
            out.add(new Link(target, rel));
        }
    }

    /**
     * The {@code rel="next"} link of a header, resolved against the request's URI.
     *
     * @param header the Link header value, or null when the response had none
     * @param base   the URI of the request that got the header
     * @return the next page's URI; empty when there is no next page
     * @throws DistributionFormatException when the header or the target is malformed
     */
    public static Optional<URI> next(String header, URI base) {
        if (header == null) {
            return Optional.empty();
        }
        for (Link link : parseAll(header)) {
            for (String r : link.rel.split(" ")) {
                if (r.equals("next")) {
                    return Optional.of(link.resolve(base));
                }
            }
        }
        return Optional.empty();
    }

    /**
     * The target resolved against {@code base}.
     *
     * @param base the request's URI
     * @return the absolute URI
     * @throws DistributionFormatException when the target is not a URI reference
     */
    public URI resolve(URI base) {
        try {
            return base.resolve(new URI(target));
        } catch (URISyntaxException | IllegalArgumentException e) {
            throw bad("\"" + (target.length() > 80 ? target.substring(0, 77) + "..." : target)
                    + "\" is not a URI reference: " + e.getMessage());
        }
    }

    private static DistributionFormatException bad(String detail) {
        return new DistributionFormatException(FormatReason.BAD_HEADER, "Link", detail);
    }
}
