package dev.oci4j.distribution.server;

import dev.oci4j.distribution.DistributionFormatException;
import dev.oci4j.distribution.ErrorCode;
import dev.oci4j.distribution.Reference;
import dev.oci4j.image.Digest;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/** The spec's grammar for names, tags and digests, each refusal an {@link ApiError}. */
final class Checks {

    private static final Pattern TAG = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9._-]{0,127}");

    private Checks() {
    }

    static String name(String name) {
        try {
            Reference.of("localhost", name);
            return name;
        } catch (DistributionFormatException e) {
            throw new ApiError(400, ErrorCode.NAME_INVALID, "invalid repository name: " + e.getMessage());
        }
    }

    static boolean isTag(String s) {
        return TAG.matcher(s).matches();
    }

    /** A digest the registry can verify: grammar, then sha256 or sha512. */
    static Digest digest(String text) {
        Digest d;
        try {
            d = Digest.parse(text);
        } catch (IllegalArgumentException e) {
            throw new ApiError(400, ErrorCode.DIGEST_INVALID, "invalid digest \"" + shorten(text) + "\": " + e.getMessage());
        }
        if (!d.algorithm().equals(Digest.SHA256) && !d.algorithm().equals(Digest.SHA512)) {
            throw new ApiError(400, ErrorCode.DIGEST_INVALID, "digest algorithm \"" + shorten(d.algorithm())
                    + "\" is not supported; expected sha256 or sha512");
        }
        return d;
    }

    static Digest compute(String algorithm, byte[] bytes) {
        try {
            MessageDigest md = MessageDigest.getInstance(algorithm.equals(Digest.SHA512) ? "SHA-512" : "SHA-256");
            return Digest.parse(algorithm + ":" + HexFormat.of().formatHex(md.digest(bytes)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static String shorten(String s) {
        return s.length() <= 80 ? s : s.substring(0, 77) + "...";
    }
}
