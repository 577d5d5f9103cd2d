package dev.oci4j.distribution.server;

import java.util.List;
import java.util.Locale;

/**
 * Reads an HTTP {@code Accept} header (RFC 9110 section 12.5.1) for manifest content negotiation:
 * media ranges ({@code type/subtype}, {@code type/*}, {@code *}{@code /*}) separated by commas, over one or
 * several header lines, each with optional parameters of which only {@code q} counts ({@code q=0}
 * refuses).
 */
final class Accept {

    private Accept() {
    }

    /** Whether {@code mediaType} may be sent: yes without any Accept header, else when a range with q &gt; 0 matches. */
    static boolean allows(List<String> headerValues, String mediaType) {
        boolean any = false;
        String type = mediaType.toLowerCase(Locale.ROOT);
        int slash = type.indexOf('/');
        String major = slash < 0 ? type : type.substring(0, slash);
        // The most specific matching range decides (RFC 9110): an exact q=0 beats a wildcard.
        int bestSpecificity = -1;
        double bestQ = 0;
        for (String line : headerValues) {
            for (String element : line.split(",")) {
                String[] parts = element.split(";");
                String range = parts[0].trim().toLowerCase(Locale.ROOT);
                if (range.isEmpty()) {
                    continue;
                }
                any = true;
                int specificity = range.equals("*/*") ? 0 : range.equals(major + "/*") ? 1 : range.equals(type) ? 2 : -1;
                if (specificity > bestSpecificity) {
                    bestSpecificity = specificity;
                    bestQ = quality(parts);
                }
            }
        }
        return !any || bestSpecificity >= 0 && bestQ > 0;
    }

    private static double quality(String[] parts) {
        for (int i = 1; i < parts.length; i++) {
            String p = parts[i].trim();
            if (p.length() > 2 && (p.charAt(0) == 'q' || p.charAt(0) == 'Q') && p.charAt(1) == '=') {
                try {
                    return Double.parseDouble(p.substring(2).trim());
                } catch (NumberFormatException e) {
                    return 1;   // a malformed weight is ignored rather than taken as a refusal
                }
            }
        }
        return 1;
    }
}
