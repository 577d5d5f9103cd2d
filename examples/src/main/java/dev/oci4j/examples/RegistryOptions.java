package dev.oci4j.examples;

import dev.oci4j.distribution.DistributionFormatException;
import dev.oci4j.distribution.Reference;
import dev.oci4j.distribution.client.CredentialProvider;
import dev.oci4j.distribution.client.Credentials;
import dev.oci4j.distribution.client.DockerCredentials;
import dev.oci4j.distribution.client.RegistryClient;
import dev.oci4j.distribution.client.TransferListener;
import java.nio.file.Path;
import java.util.Collection;
import picocli.CommandLine.Option;

/** The registry options the pull, push, copy, tags, referrers and login commands share (skopeo's names). */
final class RegistryOptions {

    static final String DOCKER = "docker://";

    @Option(names = "--creds", paramLabel = "USER:PASSWORD", description = "Credentials for the registry.")
    String creds;

    @Option(names = "--authfile", paramLabel = "FILE", description = "auth.json or config.json to read credentials from.")
    Path authfile;

    @Option(names = "--tls-verify", arity = "1", defaultValue = "true", paramLabel = "BOOL",
            description = "Verify TLS (false also allows plain HTTP). Loopback registries are never verified (plain HTTP, or HTTPS when they speak only TLS).")
    boolean tlsVerify = true;

    DockerCredentials files() {
        return authfile != null ? DockerCredentials.fromFile(authfile) : DockerCredentials.fromEnvironment();
    }

    /** A client for the registries named, with --creds for each of them. */
    RegistryClient client(Collection<String> registries) {
        return client(registries, TransferListener.NONE);
    }

    /** The same, reporting blob progress to {@code progress}. */
    RegistryClient client(Collection<String> registries, TransferListener progress) {
        largeHttpBuffers();
        CredentialProvider provider = files();
        if (creds != null) {
            Credentials c = Credentials.parse(creds);
            for (String r : registries) {
                provider = CredentialProvider.of(r, c).orElse(provider);
            }
        }
        RegistryClient.Builder b = RegistryClient.builder().credentials(provider).listener(progress);
        if (!tlsVerify) {
            registries.forEach(r -> b.tlsVerify(r, false));
        }
        return b.build();
    }

    /**
     * Has the JDK's HTTP client read and write sockets 256 KiB at a time instead of 16 KiB, unless the
     * user chose a size ({@code -Djdk.httpclient.bufsize}). A blob then passes through the client's
     * per-buffer code (publishers, queues, copies) 16 times less often; in a cold JVM that code runs
     * interpreted for much of a transfer, and a 100 MiB pull took about 0.4 CPU-seconds less. Read once,
     * when the client's classes initialize: this must run before the first client is built.
     */
    static void largeHttpBuffers() {
        System.getProperties().putIfAbsent("jdk.httpclient.bufsize", Integer.toString(256 * 1024));
    }

    static boolean isDocker(String text) {
        return text.startsWith(DOCKER);
    }

    /** Parses {@code docker://REF}; one clear line when it is not. */
    static Reference reference(String text) {
        if (!isDocker(text)) {
            throw new IllegalArgumentException("image \"" + text + "\": expected docker://REFERENCE");
        }
        try {
            return Reference.parse(text.substring(DOCKER.length()));
        } catch (DistributionFormatException e) {
            throw new IllegalArgumentException("image \"" + text + "\": " + e.getMessage(), e);
        }
    }
}
