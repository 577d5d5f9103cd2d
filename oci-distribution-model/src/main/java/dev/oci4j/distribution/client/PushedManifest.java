package dev.oci4j.distribution.client;

import dev.oci4j.image.Digest;
import java.util.Objects;
import java.util.Optional;

/**
 * What a manifest push returned.
 *
 * @param digest  the digest of the pushed bytes
 * @param subject the {@code OCI-Subject} the registry answered, present when it indexes referrers itself
 */
public record PushedManifest(Digest digest, Optional<Digest> subject) {

    /**
     * A push result.
     *
     * @param digest  the digest
     * @param subject the subject the registry confirmed
     */
    public PushedManifest {
        Objects.requireNonNull(digest, "digest");
        Objects.requireNonNull(subject, "subject");
    }
}
