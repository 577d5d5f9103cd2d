package dev.oci4j.image.layer;

import dev.oci4j.image.ImageFormatException;
import java.util.Optional;

/**
 * A layer tar holds an entry that cannot be applied: it would reach outside the target root
 * (absolute escape, {@code ..}, a link out of the root), has an unsupported type, or the tar itself
 * is malformed. {@link #location()} is the entry name; {@link #layer()} names the layer.
 */
public final class LayerFormatException extends ImageFormatException {

    private static final long serialVersionUID = 1L;

    /** The layer's digest, or its position and name; see {@link #layer()}. */
    private final String layer;
    /** The tar entry name, {@code ""} for the whole archive; see {@link #entry()}. */
    private final String entry;

    /**
     * A problem with {@code entry} (a tar entry name, "" for the archive) of {@code layer} (digest or name).
     *
     * @param layer the layer's digest, or its position and name when no digest was given
     * @param entry the tar entry name, {@code ""} when the whole archive is at fault
     * @param message what is wrong with the entry
     */
    public LayerFormatException(String layer, String entry, String message) {
        super(entry, "in layer " + layer + ": " + message);
        this.layer = layer;
        this.entry = entry;
    }

    /**
     * As {@link #LayerFormatException(String, String, String)}, with the failure that revealed the problem.
     *
     * @param layer the layer's digest, or its position and name when no digest was given
     * @param entry the tar entry name, {@code ""} when the whole archive is at fault
     * @param message what is wrong with the entry
     * @param cause the underlying failure, such as a {@link java.util.zip.ZipException}
     */
    public LayerFormatException(String layer, String entry, String message, Throwable cause) {
        super(entry, "in layer " + layer + ": " + message, cause);
        this.layer = layer;
        this.entry = entry;
    }

    /** {@return the layer's digest, or its position and name when no digest was given} */
    public String layer() {
        return layer;
    }

    /** {@return the offending tar entry name, empty when the whole archive is at fault} */
    public Optional<String> entry() {
        return entry.isEmpty() ? Optional.empty() : Optional.of(entry);
    }
}
