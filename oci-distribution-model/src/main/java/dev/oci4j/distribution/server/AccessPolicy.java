package dev.oci4j.distribution.server;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Who may do what: users with passwords (given in code or read from htpasswd files), per-repository
 * grants, and anonymous pull. Without any grant every user may pull and push every repository; with
 * grants, a user may do what a grant gives them, plus what anonymous users may. Deleting needs push.
 */
final class AccessPolicy {

    /** A user's right on the repositories whose names match {@code repositories}; push includes pull. */
    record Grant(String user, String pattern, Pattern repositories, boolean push) {
    }

    private static final int CACHE_MAX = 1024;

    private final Map<String, byte[]> passwords;
    private final List<Htpasswd> files;
    private final List<Grant> grants;
    private final boolean anonymousPull;
    private final boolean enabled;
    /** Passwords bcrypt accepted, by user and SHA-256: bcrypt is slow on purpose, and a push is many requests. */
    private final Set<String> verified = ConcurrentHashMap.newKeySet();

    AccessPolicy(Map<String, String> passwords, List<Htpasswd> files, List<Grant> grants, boolean anonymousPull,
            boolean enabled) {
        this.passwords = Map.copyOf(passwords.entrySet().stream().collect(java.util.stream.Collectors.toMap(
                Map.Entry::getKey, e -> e.getValue().getBytes(StandardCharsets.UTF_8))));
        this.files = List.copyOf(files);
        this.grants = List.copyOf(grants);
        this.anonymousPull = anonymousPull;
        this.enabled = enabled;
    }

    /** A glob over repository names: {@code *} matches any run of characters, {@code /} included. */
    static Grant grant(String user, String pattern, boolean push) {
        Htpasswd.checkUser(user);
        java.util.Objects.requireNonNull(pattern, "repositories");
        if (!pattern.matches("[a-z0-9._/*-]+")) {
            throw new IllegalArgumentException("a repository pattern holds lower-case letters, digits, '.', '_', '-', '/'"
                    + " and '*', found \"" + pattern + "\"");
        }
        return new Grant(user, pattern, Pattern.compile(globToRegex(pattern)), push);
    }

    private static String globToRegex(String glob) {
        StringBuilder regex = new StringBuilder();
        int start = 0;
        for (int i = glob.indexOf('*'); i >= 0; i = glob.indexOf('*', start)) {
            if (i > start) {
                regex.append(Pattern.quote(glob.substring(start, i)));
            }
            regex.append(".*");
            start = i + 1;
        }
        if (start < glob.length()) {
            regex.append(Pattern.quote(glob.substring(start)));
        }
        return regex.toString();
    }

    /** Whether requests are checked at all. */
    boolean enabled() {
        return enabled;
    }

    /** Whether {@code password} is {@code user}'s, from code or an htpasswd file. */
    boolean authenticate(String user, String password) {
        byte[] given = password.getBytes(StandardCharsets.UTF_8);
        byte[] expected = passwords.get(user);
        if (expected != null) {
            // Constant time, so the answer's timing does not tell how much of a password was right.
            return MessageDigest.isEqual(expected, given);
        }
        if (files.isEmpty()) {
            return false;
        }
        String key = user + '\0' + sha256(given);
        if (verified.contains(key)) {
            return true;
        }
        for (Htpasswd f : files) {
            if (f.users().contains(user)) {
                boolean ok = f.verify(user, password);
                if (ok) {
                    if (verified.size() >= CACHE_MAX) {
                        verified.clear();
                    }
                    verified.add(key);
                }
                return ok;
            }
        }
        files.get(0).verify(user, password);   // as slow as a known user's wrong password
        return false;
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Whether {@code user} (null: anonymous) may read {@code repository}. */
    boolean mayPull(String user, String repository) {
        if (anonymousPull) {
            return true;
        }
        return user != null && (grants.isEmpty() || grants.stream().anyMatch(g -> g.user().equals(user)
                && g.repositories().matcher(repository).matches()));
    }

    /** Whether {@code user} (null: anonymous) may write to (and delete from) {@code repository}. */
    boolean mayPush(String user, String repository) {
        return user != null && (grants.isEmpty() || grants.stream().anyMatch(g -> g.user().equals(user) && g.push()
                && g.repositories().matcher(repository).matches()));
    }

    /** Whether {@code user} (null: anonymous) may read every repository, so a mount may take a blob from any. */
    boolean mayPullEverything(String user) {
        return anonymousPull || user != null && (grants.isEmpty()
                || grants.stream().anyMatch(g -> g.user().equals(user) && g.pattern().equals("*")));
    }

    /** Whether {@code user} (null: anonymous) may list the catalog: any user, and anyone with anonymous pull. */
    boolean mayList(String user) {
        return anonymousPull || user != null;
    }
}
