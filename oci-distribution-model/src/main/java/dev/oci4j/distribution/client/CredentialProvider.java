package dev.oci4j.distribution.client;

import java.io.IOException;
import java.util.Optional;

/**
 * Finds credentials for a registry. {@link DockerCredentials} reads Docker's and containers' files;
 * {@link #of} answers with fixed credentials for one registry.
 *
 * <pre>{@code CredentialProvider p = CredentialProvider.of("localhost:5000", Credentials.basic("u", "p"));}</pre>
 */
@FunctionalInterface
public interface CredentialProvider {

    /**
     * The credentials for a registry.
     *
     * @param registry the registry as a reference names it ({@code docker.io}, {@code localhost:5000})
     * @return the credentials, empty for anonymous access
     * @throws IOException when a credential helper fails
     */
    Optional<Credentials> credentialsFor(String registry) throws IOException;

    /** {@return no credentials for any registry} */
    static CredentialProvider anonymous() {
        return registry -> Optional.empty();
    }

    /**
     * Fixed credentials for one registry, none for the others.
     *
     * @param registry    the registry
     * @param credentials its credentials
     * @return the provider
     */
    static CredentialProvider of(String registry, Credentials credentials) {
        return r -> r.equals(registry) ? Optional.of(credentials) : Optional.empty();
    }

    /**
     * This provider, then {@code other} where this one has nothing.
     *
     * @param other the fallback
     * @return the combined provider
     */
    default CredentialProvider orElse(CredentialProvider other) {
        return r -> {
            Optional<Credentials> c = credentialsFor(r);
            return c.isPresent() ? c : other.credentialsFor(r);
        };
    }
}
