package dev.oci4j.distribution.client;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;

/**
 * What a client proves its identity with: a user name and password, or an identity token (an OAuth2
 * refresh token, as {@code docker login} stores for some registries).
 *
 * <pre>{@code Credentials c = Credentials.basic("alice", "secret");}</pre>
 */
public final class Credentials {

    private final String username;
    private final String password;
    private final String identityToken;

    private Credentials(String username, String password, String identityToken) {
        this.username = username;
        this.password = password;
        this.identityToken = identityToken;
    }

    /**
     * A user name and password.
     *
     * @param username the user
     * @param password the password or access token
     * @return the credentials
     */
    public static Credentials basic(String username, String password) {
        return new Credentials(Objects.requireNonNull(username, "username"), Objects.requireNonNull(password, "password"), null);
    }

    /**
     * An identity token, sent as an OAuth2 refresh token to the token endpoint.
     *
     * @param username the user, "" when unknown
     * @param token    the token
     * @return the credentials
     */
    public static Credentials identityToken(String username, String token) {
        return new Credentials(Objects.requireNonNull(username, "username"), null, Objects.requireNonNull(token, "token"));
    }

    /**
     * Parses {@code USER:PASSWORD}, the form of {@code --creds}.
     *
     * @param text user and password joined by the first colon
     * @return the credentials
     * @throws IllegalArgumentException without a colon or with an empty user
     */
    public static Credentials parse(String text) {
        int colon = text.indexOf(':');
        if (colon <= 0) {
            throw new IllegalArgumentException("credentials must be USER:PASSWORD");
        }
        return basic(text.substring(0, colon), text.substring(colon + 1));
    }

    /** {@return the user name} */
    public String username() {
        return username;
    }

    /** {@return the password, absent for an identity token} */
    public Optional<String> password() {
        return Optional.ofNullable(password);
    }

    /** {@return the identity token, when these are one} */
    public Optional<String> identityToken() {
        return Optional.ofNullable(identityToken);
    }

    /** The {@code Authorization: Basic} value, for user and password. */
    String basicHeader() {
        return "Basic " + Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Credentials c && username.equals(c.username) && Objects.equals(password, c.password)
                && Objects.equals(identityToken, c.identityToken);
    }

    @Override
    public int hashCode() {
        return Objects.hash(username, password, identityToken);
    }

    /** The user name only: secrets never go into logs. */
    @Override
    public String toString() {
        return "Credentials[" + username + (identityToken != null ? ", identity token" : "") + "]";
    }
}
