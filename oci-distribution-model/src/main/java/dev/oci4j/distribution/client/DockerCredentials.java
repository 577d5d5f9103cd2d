package dev.oci4j.distribution.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.oci4j.distribution.DistributionFormatException;
import dev.oci4j.distribution.Reference;
import dev.oci4j.internal.json.Json;
import dev.oci4j.internal.json.JsonFields;
import dev.oci4j.validation.FormatReason;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Credentials from the files Docker and the containers tools (podman, skopeo) keep: {@code auths}
 * entries ({@code auth} = base64 of {@code user:password}, or {@code identitytoken}), per-registry
 * {@code credHelpers} and the default {@code credsStore}, both run as
 * {@code docker-credential-<name> get}. Files are searched as skopeo does: {@code REGISTRY_AUTH_FILE},
 * {@code $XDG_RUNTIME_DIR/containers/auth.json}, then {@code $DOCKER_CONFIG/config.json} or
 * {@code ~/.docker/config.json}; the first with an entry for the registry wins.
 *
 * <pre>{@code
 * {"auths":{"localhost:5000":{"auth":"dXNlcjpwYXNz"}},"credHelpers":{"ghcr.io":"gh"},"credsStore":"pass"}
 * }</pre>
 */
public final class DockerCredentials implements CredentialProvider {

    private final List<Path> files;
    /** Where {@code docker-credential-*} helpers are looked for: the environment's PATH, as Docker does. */
    private final String helperPath;

    private DockerCredentials(List<Path> files, String helperPath) {
        this.files = List.copyOf(files);
        this.helperPath = helperPath == null ? "" : helperPath;
    }

    /** {@return the files of this process's environment, in skopeo's order} */
    public static DockerCredentials fromEnvironment() {
        return fromEnvironment(System.getenv(), Path.of(System.getProperty("user.home")));
    }

    /**
     * The files an environment names, in skopeo's order; credential helpers are looked for on the
     * environment's {@code PATH}.
     *
     * @param env  the environment variables
     * @param home the home directory
     * @return the provider
     */
    public static DockerCredentials fromEnvironment(Map<String, String> env, Path home) {
        List<Path> files = new ArrayList<>();
        if (env.get("REGISTRY_AUTH_FILE") != null) {
            files.add(Path.of(env.get("REGISTRY_AUTH_FILE")));
        }
        if (env.get("XDG_RUNTIME_DIR") != null) {
            files.add(Path.of(env.get("XDG_RUNTIME_DIR"), "containers", "auth.json"));
        }
        files.add(env.get("DOCKER_CONFIG") != null ? Path.of(env.get("DOCKER_CONFIG"), "config.json")
                : home.resolve(".docker").resolve("config.json"));
        return new DockerCredentials(files, env.get("PATH"));
    }

    /**
     * One file only, as {@code --authfile} names it.
     *
     * @param file an auth.json or config.json
     * @return the provider
     */
    public static DockerCredentials fromFile(Path file) {
        return new DockerCredentials(List.of(file), System.getenv("PATH"));
    }

    /** {@return the files searched, in order; missing ones are skipped} */
    public List<Path> files() {
        return files;
    }

    /** {@return the file {@link #store} writes: the first searched} */
    public Path writableFile() {
        return files.get(0);
    }

    @Override
    public Optional<Credentials> credentialsFor(String registry) throws IOException {
        for (Path file : files) {
            if (!Files.isRegularFile(file)) {
                continue;
            }
            ObjectNode root = read(file);
            JsonNode helpers = root.get("credHelpers");
            if (helpers != null && helpers.has(registry) && helpers.get(registry).isTextual()) {
                return helper(helpers.get(registry).textValue(), registry);
            }
            JsonNode entry = entry(root, registry);
            if (entry != null) {
                Optional<Credentials> c = decode(entry, file, registry);
                if (c.isPresent()) {
                    return c;
                }
            }
            JsonNode store = root.get("credsStore");
            if (store != null && store.isTextual() && !store.textValue().isEmpty()) {
                Optional<Credentials> c = helper(store.textValue(), registry);
                if (c.isPresent()) {
                    return c;
                }
            }
        }
        return Optional.empty();
    }

    private static ObjectNode read(Path file) throws IOException {
        try {
            return object(Files.readAllBytes(file));
        } catch (DistributionFormatException e) {
            throw new IOException(file + ": " + e.getMessage(), e);
        }
    }

    /** A JSON object read with the shared rules (no duplicate members, bounded nesting). */
    private static ObjectNode object(byte[] bytes) {
        JsonNode node = Json.readTree(bytes, DistributionFormatException::new);
        if (!node.isObject()) {
            throw new DistributionFormatException(FormatReason.WRONG_TYPE, "", "expected a JSON object, found "
                    + JsonFields.describe(node));
        }
        return (ObjectNode) node;
    }

    /** The {@code auths} entry for a registry; keys may be URLs ({@code https://index.docker.io/v1/}). */
    private static JsonNode entry(ObjectNode root, String registry) {
        JsonNode auths = root.get("auths");
        if (auths == null || !auths.isObject()) {
            return null;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = auths.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (normalizeKey(e.getKey()).equals(registry)) {
                return e.getValue();
            }
        }
        return null;
    }

    static String normalizeKey(String key) {
        String k = key.replaceFirst("^[a-zA-Z][a-zA-Z0-9+.-]*://", "");
        int slash = k.indexOf('/');
        if (slash >= 0) {
            k = k.substring(0, slash);
        }
        return k.equals("index.docker.io") || k.equals("registry-1.docker.io") ? Reference.DOCKER_HUB : k;
    }

    private static Optional<Credentials> decode(JsonNode entry, Path file, String registry) throws IOException {
        JsonNode token = entry.get("identitytoken");
        JsonNode auth = entry.get("auth");
        String user = "";
        String password = null;
        if (auth != null && auth.isTextual() && !auth.textValue().isEmpty()) {
            String decoded;
            try {
                decoded = new String(Base64.getDecoder().decode(auth.textValue().trim()), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                throw new IOException(file + ": auths." + registry + ".auth is not base64", e);
            }
            int colon = decoded.indexOf(':');
            if (colon < 0) {
                throw new IOException(file + ": auths." + registry + ".auth is not base64 of user:password");
            }
            user = decoded.substring(0, colon);
            password = decoded.substring(colon + 1);
        }
        if (token != null && token.isTextual() && !token.textValue().isEmpty()) {
            return Optional.of(Credentials.identityToken(user, token.textValue()));
        }
        return password == null ? Optional.empty() : Optional.of(Credentials.basic(user, password));
    }

    /** The helper's executable on {@link #helperPath}; a name with a slash would escape the PATH, so it has none. */
    private Path findHelper(String program, String registry) throws IOException {
        if (program.contains("/") || program.contains(File.separator)) {
            throw new IOException(registry + ": the credential helper name \"" + program + "\" must not contain a slash");
        }
        for (String dir : helperPath.split(File.pathSeparator)) {
            Path candidate = dir.isEmpty() ? null : Path.of(dir, program);
            if (candidate != null && Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        throw new IOException(registry + ": the credential helper " + program + " is not on the PATH (" + helperPath + ")");
    }

    private Optional<Credentials> helper(String name, String registry) throws IOException {
        String program = "docker-credential-" + name;
        Path executable = findHelper(program, registry);
        Process p;
        try {
            p = new ProcessBuilder(executable.toString(), "get").redirectError(ProcessBuilder.Redirect.DISCARD).start();
        } catch (IOException e) {
            throw new IOException(registry + ": the credential helper " + program + " cannot be run: " + e.getMessage(), e);
        }
        try {
            p.getOutputStream().write(registry.getBytes(StandardCharsets.UTF_8));
            p.getOutputStream().close();
            byte[] out;
            try (InputStream in = p.getInputStream()) {
                out = in.readNBytes(1024 * 1024);
            }
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IOException(registry + ": " + program + " did not answer within 60 s");
            }
            if (p.exitValue() != 0) {
                // "credentials not found in native keychain" is an answer, not an error.
                return Optional.empty();
            }
            JsonFields o = JsonFields.of(object(out), "", DistributionFormatException::new);
            String user = o.string("Username").orElse("");
            Optional<String> secret = o.string("Secret");
            if (secret.isEmpty()) {
                return Optional.empty();
            }
            return Optional.of("<token>".equals(user) ? Credentials.identityToken("", secret.get())
                    : Credentials.basic(user, secret.get()));
        } catch (DistributionFormatException e) {
            throw new IOException(registry + ": " + program + " answered no credentials: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            p.destroyForcibly();
            throw new java.io.InterruptedIOException("interrupted while running " + program);
        }
    }

    /**
     * Stores user and password for a registry in {@link #writableFile()}, keeping everything else in
     * it; the file is replaced atomically and readable by its owner only.
     *
     * @param registry    the registry
     * @param credentials user and password
     * @throws IOException when the file cannot be written
     */
    public void store(String registry, Credentials credentials) throws IOException {
        Path file = writableFile();
        ObjectNode root = Files.isRegularFile(file) ? read(file) : Json.newObject();
        JsonNode auths = root.get("auths");
        ObjectNode a = auths != null && auths.isObject() ? (ObjectNode) auths : root.putObject("auths");
        removeEntries(a, registry);
        a.putObject(registry).put("auth", Base64.getEncoder().encodeToString(
                (credentials.username() + ":" + credentials.password().orElse("")).getBytes(StandardCharsets.UTF_8)));
        write(file, root);
    }

    /**
     * Removes a registry's entry from {@link #writableFile()}.
     *
     * @param registry the registry
     * @return whether there was one
     * @throws IOException when the file cannot be written
     */
    public boolean erase(String registry) throws IOException {
        Path file = writableFile();
        if (!Files.isRegularFile(file)) {
            return false;
        }
        ObjectNode root = read(file);
        JsonNode auths = root.get("auths");
        if (auths == null || !auths.isObject() || !removeEntries((ObjectNode) auths, registry)) {
            return false;
        }
        write(file, root);
        return true;
    }

    private static boolean removeEntries(ObjectNode auths, String registry) {
        List<String> keys = new ArrayList<>();
        auths.fieldNames().forEachRemaining(k -> {
            if (normalizeKey(k).equals(registry)) {
                keys.add(k);
            }
        });
        keys.forEach(auths::remove);
        return !keys.isEmpty();
    }

    private static void write(Path file, ObjectNode root) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path temp = Files.createTempFile(dir, ".auth", ".tmp",
                java.nio.file.attribute.PosixFilePermissions.asFileAttribute(
                        java.nio.file.attribute.PosixFilePermissions.fromString("rw-------")));
        try {
            Files.write(temp, Json.write(root));
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temp);
        }
    }
}
