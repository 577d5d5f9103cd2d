package dev.oci4j.image;

import dev.oci4j.validation.FormatReason;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A content identifier, {@code algorithm:encoded}, as defined by image-spec descriptor.md "Digests".
 *
 * <p>The grammar is {@code algorithm ::= component (separator component)*},
 * {@code component ::= [a-z0-9]+}, {@code separator ::= [+._-]}, {@code encoded ::= [a-zA-Z0-9=_-]+}.
 * The registered algorithms are checked strictly ({@code sha256}: 64 lowercase hex characters,
 * {@code sha512}: 128); any other algorithm that fits the grammar is accepted as opaque, since the
 * spec lets implementations meet algorithms they do not know.
 *
 * <pre>{@code Digest d = Digest.parse("sha256:6c3c624b58dbbcd3c0dd82b4c53f04194d1247c6eebdaab7c610cf7d66709b3b");}</pre>
 */
public final class Digest implements Comparable<Digest> {

    /** The SHA-256 algorithm name; REQUIRED to be supported by implementations. */
    public static final String SHA256 = "sha256";
    /** The SHA-512 algorithm name; MAY be supported. */
    public static final String SHA512 = "sha512";

    private static final Pattern ALGORITHM = Pattern.compile("[a-z0-9]+(?:[+._-][a-z0-9]+)*");
    private static final Pattern ENCODED = Pattern.compile("[a-zA-Z0-9=_-]+");
    private static final Pattern SHA256_HEX = Pattern.compile("[a-f0-9]{64}");
    private static final Pattern SHA512_HEX = Pattern.compile("[a-f0-9]{128}");

    private final String algorithm;
    private final String encoded;

    private Digest(String algorithm, String encoded) {
        this.algorithm = algorithm;
        this.encoded = encoded;
    }

    /**
     * Parses {@code algorithm:encoded}.
     *
     * @param text the digest text, such as {@code sha256:6c3c...}
     * @return the digest
     * @throws DigestFormatException (an IllegalArgumentException) naming what is wrong, with its
     *     reason: the text does not fit the grammar, or a registered algorithm's encoded part has the
     *     wrong alphabet or length
     * @throws NullPointerException if {@code text} is null
     */
    public static Digest parse(String text) {
        Objects.requireNonNull(text, "digest");
        DigestFormatException problem = problemOf(text);
        if (problem != null) {
            throw problem;
        }
        int colon = text.indexOf(':');
        return new Digest(text.substring(0, colon), text.substring(colon + 1));
    }

    /**
     * Like {@link #parse(String)} but from the two parts, checked the same way.
     *
     * @param algorithm the algorithm part, such as {@code sha256}
     * @param encoded the encoded part, such as 64 lowercase hex characters
     * @return the digest
     * @throws DigestFormatException as {@link #parse(String)} does
     */
    public static Digest parse(String algorithm, String encoded) {
        Objects.requireNonNull(algorithm, "algorithm");
        Objects.requireNonNull(encoded, "encoded");
        DigestFormatException problem = problem(algorithm, encoded);
        if (problem != null) {
            throw problem;
        }
        return new Digest(algorithm, encoded);
    }

    /**
     * Whether {@code text} is a valid digest; never throws.
     *
     * @param text the text to check, may be null
     * @return true when {@link #parse(String)} would accept {@code text}
     */
    public static boolean isValid(String text) {
        return text != null && problemOf(text) == null;
    }

    /**
     * Explains why {@code text} is not a valid digest, or empty when it is.
     *
     * @param text the text to check, may be null
     * @return what is wrong and where, or empty when {@code text} is a valid digest
     */
    public static Optional<String> problemWith(String text) {
        return Optional.ofNullable(text == null ? "digest is null" : Optional.ofNullable(problemOf(text))
                .map(DigestFormatException::getMessage).orElse(null));
    }

    // The exception is built, not thrown, so isValid and problemWith share the one grammar.
    private static DigestFormatException problemOf(String text) {
        int colon = text.indexOf(':');
        if (colon < 0) {
            return new DigestFormatException(FormatReason.BAD_DIGEST_GRAMMAR,
                    "digest \"" + text + "\" has no ':' between algorithm and encoded part");
        }
        return problem(text.substring(0, colon), text.substring(colon + 1));
    }

    private static DigestFormatException problem(String algorithm, String encoded) {
        String text = algorithm + ":" + encoded;
        if (!ALGORITHM.matcher(algorithm).matches()) {
            return new DigestFormatException(FormatReason.BAD_DIGEST_GRAMMAR, "digest \"" + text
                    + "\": algorithm \"" + algorithm + "\" does not match [a-z0-9]+([+._-][a-z0-9]+)*");
        }
        if (!ENCODED.matcher(encoded).matches()) {
            return new DigestFormatException(FormatReason.BAD_DIGEST_GRAMMAR, "digest \"" + text
                    + "\": encoded part does not match [a-zA-Z0-9=_-]+");
        }
        if (algorithm.equals(SHA256) && !SHA256_HEX.matcher(encoded).matches()) {
            return new DigestFormatException(FormatReason.BAD_DIGEST_ENCODING, "digest \"" + text + "\": " + hexProblem(SHA256, 64, encoded));
        }
        if (algorithm.equals(SHA512) && !SHA512_HEX.matcher(encoded).matches()) {
            return new DigestFormatException(FormatReason.BAD_DIGEST_ENCODING, "digest \"" + text + "\": " + hexProblem(SHA512, 128, encoded));
        }
        return null;
    }

    /** What is wrong with a registered algorithm's hex: the length, or the first bad character and where. */
    private static String hexProblem(String algorithm, int length, String encoded) {
        String need = algorithm + " needs " + length + " lowercase hex characters";
        String bad = "";
        for (int i = 0; i < encoded.length() && bad.isEmpty(); i++) {
            char c = encoded.charAt(i);
            if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'f')) {
                bad = "'" + c + "' at position " + (i + 1) + " of the encoded part is not lowercase hex";
            }
        }
        if (encoded.length() == length) {
            return need + ": " + bad;
        }
        return need + ", found " + encoded.length() + (bad.isEmpty() ? "" : ", and " + bad);
    }

    /**
     * The SHA-256 digest of {@code bytes}.
     *
     * @param bytes the content
     * @return its sha256 digest
     */
    public static Digest sha256(byte[] bytes) {
        return compute(SHA256, bytes);
    }

    /**
     * Hashes {@code bytes} with a registered algorithm ({@code sha256} or {@code sha512}); parsing
     * digest text is {@link #parse}.
     *
     * @param algorithm {@code sha256} or {@code sha512}
     * @param bytes the content
     * @return its digest
     * @throws IllegalArgumentException when the algorithm cannot be computed
     */
    public static Digest compute(String algorithm, byte[] bytes) {
        MessageDigest md = newMessageDigest(algorithm);
        return new Digest(algorithm, HexFormat.of().formatHex(md.digest(bytes)));
    }

    /**
     * The SHA-256 digest of everything {@code in} yields; the stream is read to its end, not closed.
     *
     * @param in the content
     * @return its sha256 digest
     * @throws IOException if reading {@code in} fails
     */
    public static Digest sha256(InputStream in) throws IOException {
        MessageDigest md = newMessageDigest(SHA256);
        byte[] buffer = new byte[64 * 1024];
        for (int n; (n = in.read(buffer)) >= 0; ) {
            md.update(buffer, 0, n);
        }
        return new Digest(SHA256, HexFormat.of().formatHex(md.digest()));
    }

    /**
     * The SHA-256 digest of a file's content.
     *
     * @param file the file
     * @return the sha256 digest of its content
     * @throws IOException if reading {@code file} fails
     */
    public static Digest sha256(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return sha256(in);
        }
    }

    /** {@return whether this implementation can compute this digest's algorithm (sha256, sha512)} */
    public boolean isVerifiable() {
        return isRegistered(algorithm);
    }

    static boolean isRegistered(String algorithm) {
        return algorithm.equals(SHA256) || algorithm.equals(SHA512);
    }

    /** A fresh JDK MessageDigest for a registered algorithm. */
    static MessageDigest newMessageDigest(String algorithm) {
        String jdkName = switch (algorithm) {
            case SHA256 -> "SHA-256";
            case SHA512 -> "SHA-512";
            default -> throw new IllegalArgumentException(
                    "digest algorithm \"" + algorithm + "\" cannot be computed; supported: sha256, sha512");
        };
        try {
            return MessageDigest.getInstance(jdkName);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(jdkName + " is missing from this JDK", e);
        }
    }

    static Digest fromHash(String algorithm, byte[] hash) {
        return new Digest(algorithm, HexFormat.of().formatHex(hash));
    }

    /** {@return the algorithm part, such as {@code sha256}} */
    public String algorithm() {
        return algorithm;
    }

    /** {@return the encoded part, such as 64 hex characters for sha256} */
    public String encoded() {
        return encoded;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Digest d && d.algorithm.equals(algorithm) && d.encoded.equals(encoded);
    }

    @Override
    public int hashCode() {
        return algorithm.hashCode() * 31 + encoded.hashCode();
    }

    @Override
    public int compareTo(Digest o) {
        return toString().compareTo(o.toString());
    }

    /** {@code algorithm:encoded}, as it is written in JSON. */
    @Override
    public String toString() {
        return algorithm + ":" + encoded;
    }
}
