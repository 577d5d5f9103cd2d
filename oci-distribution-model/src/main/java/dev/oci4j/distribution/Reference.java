package dev.oci4j.distribution;

import dev.oci4j.image.Digest;
import dev.oci4j.validation.FormatReason;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * An image reference, {@code [registry[:port]/]repository[:tag][@digest]}, normalized as Docker and
 * containerd do (distribution/reference "normalize.go"): without a registry it is {@code docker.io},
 * a one-word name on Docker Hub gets {@code library/}, and {@code index.docker.io} is
 * {@code docker.io}. Names, tags and digests follow distribution-spec "Pulling manifests".
 *
 * <pre>{@code
 * Reference r = Reference.parse("busybox");   // docker.io/library/busybox, no tag
 * r.registry();      // "docker.io"
 * r.apiHost();       // "registry-1.docker.io"
 * r.repository();    // "library/busybox"
 * r.tagOrDefault();  // "latest"
 * }</pre>
 */
public final class Reference {

    /** The registry a reference without one names. */
    public static final String DOCKER_HUB = "docker.io";
    /** The host that serves Docker Hub's registry API. */
    public static final String DOCKER_HUB_API_HOST = "registry-1.docker.io";
    /** The tag a reference without tag or digest means. */
    public static final String DEFAULT_TAG = "latest";
    /** The longest repository name Docker accepts (distribution/reference NameTotalLengthMax). */
    public static final int MAX_NAME_LENGTH = 255;

    private static final String COMPONENT = "[a-z0-9]+(?:(?:\\.|_|__|-+)[a-z0-9]+)*";
    private static final Pattern REPOSITORY = Pattern.compile(COMPONENT + "(?:/" + COMPONENT + ")*");
    private static final Pattern TAG = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9._-]{0,127}");
    private static final Pattern DOMAIN_NAME = Pattern.compile(
            "(?:[A-Za-z0-9]|[A-Za-z0-9][A-Za-z0-9-]*[A-Za-z0-9])(?:\\.(?:[A-Za-z0-9]|[A-Za-z0-9][A-Za-z0-9-]*[A-Za-z0-9]))*");
    private static final Pattern IPV6 = Pattern.compile("\\[[A-Fa-f0-9:.]+(?:%[A-Za-z0-9._~-]+)?\\]");
    private static final Pattern PORT = Pattern.compile("[0-9]{1,5}");

    private final String registry;
    private final String repository;
    private final String tag;
    private final Digest digest;

    private Reference(String registry, String repository, String tag, Digest digest) {
        this.registry = registry;
        this.repository = repository;
        this.tag = tag;
        this.digest = digest;
    }

    /**
     * Parses and normalizes a reference.
     *
     * @param text a reference such as {@code busybox}, {@code ghcr.io/org/app:1.0} or
     *             {@code [::1]:5000/app@sha256:...}
     * @return the normalized reference
     * @throws DistributionFormatException with reason {@code BAD_REFERENCE}, its location naming the
     *     part at fault: {@code reference}, {@code registry}, {@code repository}, {@code tag} or {@code digest}
     */
    public static Reference parse(String text) {
        Objects.requireNonNull(text, "reference");
        if (text.isEmpty()) {
            throw bad("reference", "reference is empty");
        }
        String rest = text;
        Digest digest = null;
        int at = rest.indexOf('@');
        if (at >= 0) {
            String digestText = rest.substring(at + 1);
            Optional<String> problem = Digest.problemWith(digestText);
            if (problem.isPresent()) {
                throw bad("digest", "\"" + shorten(digestText) + "\" is not a digest: " + problem.get());
            }
            digest = Digest.parse(digestText);
            rest = rest.substring(0, at);
        }
        String tag = null;
        int colon = rest.lastIndexOf(':');
        if (colon > rest.lastIndexOf('/') && colon > rest.lastIndexOf(']')) {
            tag = rest.substring(colon + 1);
            rest = rest.substring(0, colon);
            if (!TAG.matcher(tag).matches()) {
                throw bad("tag", "\"" + shorten(tag) + "\" is not a tag: expected [A-Za-z0-9_][A-Za-z0-9._-]{0,127}");
            }
        }
        String registry = DOCKER_HUB;
        String repository = rest;
        int slash = rest.indexOf('/');
        if (slash >= 0) {
            String first = rest.substring(0, slash);
            // Docker's rule: the first component names a registry when it could not be a repository
            // component (a dot, a port, uppercase) or is exactly "localhost".
            if (first.contains(".") || first.contains(":") || first.startsWith("[") || first.equals("localhost")
                    || !first.equals(first.toLowerCase(Locale.ROOT))) {
                registry = checkRegistry(first);
                repository = rest.substring(slash + 1);
            }
        }
        if (registry.equals("index.docker.io")) {
            registry = DOCKER_HUB;
        }
        checkRepository(repository);
        if (registry.equals(DOCKER_HUB) && repository.indexOf('/') < 0) {
            repository = "library/" + repository;
        }
        return new Reference(registry, repository, tag, digest);
    }

    /**
     * A reference to a repository without tag or digest.
     *
     * @param registry   a registry host with optional port, such as {@code localhost:5000}
     * @param repository a repository name such as {@code library/busybox}
     * @return the reference
     * @throws DistributionFormatException when either part is outside the grammar
     */
    public static Reference of(String registry, String repository) {
        Objects.requireNonNull(registry, "registry");
        Objects.requireNonNull(repository, "repository");
        String r = checkRegistry(registry);
        checkRepository(repository);
        return new Reference(r.equals("index.docker.io") ? DOCKER_HUB : r, repository, null, null);
    }

    private static String checkRegistry(String registry) {
        String host = registry;
        String port = null;
        if (registry.startsWith("[")) {
            int end = registry.indexOf(']');
            if (end < 0 || !IPV6.matcher(registry.substring(0, end + 1)).matches()) {
                throw bad("registry", "\"" + shorten(registry) + "\" is not a bracketed IPv6 address");
            }
            host = registry.substring(0, end + 1);
            String after = registry.substring(end + 1);
            if (!after.isEmpty()) {
                if (!after.startsWith(":")) {
                    throw bad("registry", "\"" + shorten(registry) + "\" has text after the IPv6 address; expected :port");
                }
                port = after.substring(1);
            }
        } else {
            int colon = registry.indexOf(':');
            if (colon >= 0) {
                host = registry.substring(0, colon);
                port = registry.substring(colon + 1);
            }
            if (!DOMAIN_NAME.matcher(host).matches()) {
                throw bad("registry", "\"" + shorten(registry) + "\" is not a host name");
            }
        }
        if (port != null && (!PORT.matcher(port).matches() || Integer.parseInt(port) > 65535)) {
            throw bad("registry", "\"" + shorten(port) + "\" is not a port: expected 0 to 65535");
        }
        return registry;
    }

    private static void checkRepository(String repository) {
        if (repository.isEmpty()) {
            throw bad("repository", "repository name is empty");
        }
        if (repository.length() > MAX_NAME_LENGTH) {
            throw bad("repository", "repository name has " + repository.length() + " characters, at most "
                    + MAX_NAME_LENGTH + " are allowed");
        }
        if (!REPOSITORY.matcher(repository).matches()) {
            throw bad("repository", "\"" + shorten(repository) + "\" is not a repository name: expected lowercase"
                    + " components [a-z0-9]+ joined by '.', '_', '__' or '-' and separated by '/'");
        }
    }

    private static DistributionFormatException bad(String part, String detail) {
        return new DistributionFormatException(FormatReason.BAD_REFERENCE, part, detail);
    }

    private static String shorten(String s) {
        return s.length() <= 80 ? s : s.substring(0, 77) + "...";
    }

    /** {@return the registry with optional port, normalized: {@code docker.io}, {@code localhost:5000}, {@code [::1]:5000}} */
    public String registry() {
        return registry;
    }

    /** {@return the host and port the registry API is served from: {@code registry-1.docker.io} for Docker Hub, else the registry} */
    public String apiHost() {
        return registry.equals(DOCKER_HUB) ? DOCKER_HUB_API_HOST : registry;
    }

    /**
     * {@return whether the registry is on this machine (localhost, 127.0.0.0/8 or ::1)}, where Docker
     * speaks plain HTTP without being asked.
     */
    public boolean isLoopback() {
        return isLoopbackHost(registry);
    }

    /**
     * Whether a registry host (with optional port) is a loopback address by name or literal.
     *
     * @param registry a host with optional port
     * @return true for localhost, 127.0.0.0/8 and ::1
     */
    public static boolean isLoopbackHost(String registry) {
        String host = registry;
        if (host.startsWith("[")) {
            int end = host.indexOf(']');
            host = end < 0 ? host : host.substring(1, end);
            return host.equals("::1") || host.equals("0:0:0:0:0:0:0:1");
        }
        int colon = host.indexOf(':');
        if (colon >= 0) {
            host = host.substring(0, colon);
        }
        return host.equalsIgnoreCase("localhost") || host.matches("127\\.[0-9]{1,3}\\.[0-9]{1,3}\\.[0-9]{1,3}");
    }

    /** {@return the repository name, with {@code library/} for official Docker Hub images} */
    public String repository() {
        return repository;
    }

    /** {@return the tag, when the reference names one} */
    public Optional<String> tag() {
        return Optional.ofNullable(tag);
    }

    /** {@return the digest, when the reference names one; it wins over a tag when both are given} */
    public Optional<Digest> digest() {
        return Optional.ofNullable(digest);
    }

    /** {@return the tag, or {@code latest} when the reference names neither tag nor digest; empty with only a digest} */
    public Optional<String> tagOrDefault() {
        return tag != null ? Optional.of(tag) : digest == null ? Optional.of(DEFAULT_TAG) : Optional.empty();
    }

    /** {@return what the manifest endpoint is asked for: the digest when present, else the tag or {@code latest}} */
    public String manifestReference() {
        return digest != null ? digest.toString() : tagOrDefault().orElseThrow();
    }

    /**
     * This reference with another tag and no digest.
     *
     * @param newTag the tag
     * @return the new reference
     */
    public Reference withTag(String newTag) {
        Objects.requireNonNull(newTag, "tag");
        if (!TAG.matcher(newTag).matches()) {
            throw bad("tag", "\"" + shorten(newTag) + "\" is not a tag: expected [A-Za-z0-9_][A-Za-z0-9._-]{0,127}");
        }
        return new Reference(registry, repository, newTag, null);
    }

    /**
     * This reference pinned to a digest, keeping the tag for display.
     *
     * @param newDigest the digest
     * @return the new reference
     */
    public Reference withDigest(Digest newDigest) {
        return new Reference(registry, repository, tag, Objects.requireNonNull(newDigest, "digest"));
    }

    /** {@return the repository part alone: {@code registry/repository}} */
    public String name() {
        return registry + "/" + repository;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Reference r && registry.equals(r.registry) && repository.equals(r.repository)
                && Objects.equals(tag, r.tag) && Objects.equals(digest, r.digest);
    }

    @Override
    public int hashCode() {
        return Objects.hash(registry, repository, tag, digest);
    }

    /** The normalized form, {@code registry/repository[:tag][@digest]}, which {@link #parse} reads back. */
    @Override
    public String toString() {
        return name() + (tag == null ? "" : ":" + tag) + (digest == null ? "" : "@" + digest);
    }
}
