package dev.oci4j.distribution.server;

import at.favre.lib.crypto.bcrypt.BCrypt;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * An Apache htpasswd file with bcrypt entries, the form docker-registry's {@code htpasswd} auth reads:
 * one {@code user:hash} a line, the hash {@code $2y$}, {@code $2a$} or {@code $2b$}; blank lines and
 * lines starting with {@code #} are skipped. Other hash kinds ({@code $apr1$}, <code>{SHA}</code>, crypt,
 * plain text) are refused naming the line, as docker-registry refuses them.
 *
 * <pre>{@code
 * Files.writeString(file, Htpasswd.entry("alice", "s3cret") + "\n");
 * RegistryServer.builder().htpasswd(file).start();
 * }</pre>
 */
public final class Htpasswd {

    // $2y$10$ + 22 characters of salt + 31 of hash, in bcrypt's own base64 alphabet.
    private static final Pattern BCRYPT = Pattern.compile("\\$2[aby]\\$(0[4-9]|[12][0-9]|3[01])\\$[./A-Za-z0-9]{53}");
    private static final int DEFAULT_COST = 10;
    /** A hash of nothing anyone knows, checked for unknown users so the answer takes as long as for known ones. */
    private static final byte[] DUMMY = BCrypt.withDefaults().hash(DEFAULT_COST, new byte[16], new byte[] {0});

    private final Map<String, byte[]> hashes;

    private Htpasswd(Map<String, byte[]> hashes) {
        this.hashes = Collections.unmodifiableMap(hashes);
    }

    /**
     * Reads an htpasswd file.
     *
     * @param file the file
     * @return its users
     * @throws IOException when the file cannot be read, is not UTF-8, or holds a line that is not
     *                     {@code user:bcrypt-hash}; the message names the file and the line
     */
    public static Htpasswd read(Path file) throws IOException {
        Objects.requireNonNull(file, "file");
        byte[] bytes = readFile(file);
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new IOException(file + ": not UTF-8 text", e);
        }
        try {
            return parse(text);
        } catch (IllegalArgumentException e) {
            throw new IOException(file + ": " + e.getMessage(), e);
        }
    }

    /** Reads a file; an error the JDK reports without the path ("Is a directory") gets it. */
    static byte[] readFile(Path file) throws IOException {
        try {
            return Files.readAllBytes(file);
        } catch (java.nio.file.FileSystemException e) {
            throw e;
        } catch (IOException e) {
            throw new IOException(file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Parses the text of an htpasswd file.
     *
     * @param text the file's text
     * @return its users
     * @throws IllegalArgumentException naming the first line that is not {@code user:bcrypt-hash}, or a
     *                                  user named twice
     */
    public static Htpasswd parse(String text) {
        Map<String, byte[]> hashes = new LinkedHashMap<>();
        String[] lines = text.split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            int colon = line.indexOf(':');
            String where = "line " + (i + 1) + ": ";
            if (colon <= 0) {
                throw new IllegalArgumentException(where + "expected user:bcrypt-hash, found no user name before ':'");
            }
            String user = line.substring(0, colon);
            String hash = line.substring(colon + 1);
            if (!BCRYPT.matcher(hash).matches()) {
                throw new IllegalArgumentException(where + "the hash of user \"" + user + "\" is not bcrypt ($2y$, $2a$ or"
                        + " $2b$, cost 04 to 31, 53 characters of salt and hash); found " + kind(hash)
                        + "; write it with htpasswd -B");
            }
            if (hashes.put(user, hash.getBytes(StandardCharsets.US_ASCII)) != null) {
                throw new IllegalArgumentException(where + "user \"" + user + "\" is named twice");
            }
        }
        return new Htpasswd(hashes);
    }

    private static String kind(String hash) {
        if (hash.startsWith("$apr1$")) {
            return "an Apache MD5 hash ($apr1$)";
        }
        if (hash.startsWith("{SHA}")) {
            return "a SHA-1 hash ({SHA})";
        }
        if (hash.startsWith("$2")) {
            return "a malformed bcrypt hash";
        }
        if (hash.startsWith("$")) {
            return "a crypt hash of another kind";
        }
        return hash.isEmpty() ? "nothing" : "a crypt hash or plain text";
    }

    /**
     * An htpasswd line for {@code user}: {@code user:$2y$10$...}, with a fresh random salt, as
     * {@code htpasswd -nbB user password} writes.
     *
     * @param user     the user name, not empty, without {@code ':'}
     * @param password the password; bcrypt reads at most its first 72 UTF-8 bytes
     * @return the line, without a line break
     * @throws IllegalArgumentException for an empty user name or one holding {@code ':'} or a line break
     */
    public static String entry(String user, String password) {
        checkUser(user);
        Objects.requireNonNull(password, "password");
        byte[] hash = BCrypt.with(BCrypt.Version.VERSION_2Y, new java.security.SecureRandom(),
                at.favre.lib.crypto.bcrypt.LongPasswordStrategies.truncate(BCrypt.Version.VERSION_2Y))
                .hash(DEFAULT_COST, password.getBytes(StandardCharsets.UTF_8));
        return user + ":" + new String(hash, StandardCharsets.US_ASCII);
    }

    static void checkUser(String user) {
        Objects.requireNonNull(user, "user");
        if (user.isEmpty() || user.indexOf(':') >= 0 || user.indexOf('\n') >= 0 || user.indexOf('\r') >= 0) {
            throw new IllegalArgumentException("a user name is not empty and holds no ':' or line break, found \""
                    + user + "\"");
        }
    }

    /**
     * The users the file names, in file order.
     *
     * @return the user names
     */
    public Set<String> users() {
        return hashes.keySet();
    }

    /**
     * Checks a password; takes about as long for an unknown user as for a known one.
     *
     * @param user     the user name
     * @param password the password given
     * @return whether {@code user} is in the file and {@code password} matches its hash
     */
    public boolean verify(String user, String password) {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(password, "password");
        byte[] hash = hashes.get(user);
        byte[] pw = password.getBytes(StandardCharsets.UTF_8);
        // Longer passwords are cut at 72 bytes, as the C library htpasswd uses does; at.favre's default refuses them.
        BCrypt.Verifyer verifyer = BCrypt.verifyer(BCrypt.Version.VERSION_2Y, at.favre.lib.crypto.bcrypt.LongPasswordStrategies.truncate(BCrypt.Version.VERSION_2Y));
        boolean ok = verifyer.verify(pw, hash != null ? hash : DUMMY).verified;
        return hash != null && ok;
    }

    @Override
    public String toString() {
        return "Htpasswd" + hashes.keySet();
    }
}
