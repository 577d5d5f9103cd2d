package dev.oci4j.examples;

import dev.oci4j.image.Annotations;
import dev.oci4j.image.Descriptor;
import dev.oci4j.image.layout.ImageLayout;
import dev.oci4j.image.layout.RefName;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An image in an OCI image layout named with skopeo's {@code oci:} transport syntax,
 * {@code oci:DIR[:REF]} (containers/image oci/layout).
 *
 * <p>As in skopeo on Linux, the text after {@code oci:} is split at its <em>first</em> colon: the
 * directory cannot contain one, and the reference may ({@code oci:out:example.com/app:1.0} names the
 * ref {@code example.com/app:1.0}). An absent or empty REF means "the only image in the layout".
 * REF follows the {@code org.opencontainers.image.ref.name} grammar of image-spec annotations.md.
 *
 * <pre>{@code ImageLocation.parse("oci:/tmp/layout:v1") // dir /tmp/layout, ref v1}</pre>
 */
public final class ImageLocation {

    /** The transport prefix. */
    public static final String TRANSPORT = "oci:";

    private final Path dir;
    private final String ref;

    private ImageLocation(Path dir, String ref) {
        this.dir = dir;
        this.ref = ref;
    }

    /**
     * Parses {@code oci:DIR[:REF]}.
     *
     * @param text the location, such as {@code oci:/tmp/layout:v1}
     * @return the location
     * @throws IllegalArgumentException saying what was expected when the text is not such a location
     */
    public static ImageLocation parse(String text) {
        Objects.requireNonNull(text, "location");
        if (!text.startsWith(TRANSPORT)) {
            int colon = text.indexOf(':');
            String found = colon > 0 ? "transport \"" + text.substring(0, colon) + ":\"" : "no transport";
            throw new IllegalArgumentException("image location \"" + text
                    + "\": expected oci:DIR[:REF] (skopeo's oci transport), found " + found);
        }
        String rest = text.substring(TRANSPORT.length());
        int colon = rest.indexOf(':');
        String dir = colon < 0 ? rest : rest.substring(0, colon);
        String ref = colon < 0 ? "" : rest.substring(colon + 1);
        if (dir.isEmpty()) {
            throw new IllegalArgumentException("image location \"" + text + "\": the layout directory is empty,"
                    + " expected oci:DIR[:REF]");
        }
        return of(Path.of(dir), ref);
    }

    /**
     * A location from its parts.
     *
     * @param dir the layout directory, without {@code :}
     * @param ref the reference name; empty for the only image in the layout
     * @return the location
     * @throws IllegalArgumentException when {@code ref} breaks the ref name grammar or {@code dir} holds {@code :}
     */
    public static ImageLocation of(Path dir, String ref) {
        Objects.requireNonNull(dir, "dir");
        Objects.requireNonNull(ref, "ref");
        if (!ref.isEmpty()) {
            RefName.problemWith(ref).ifPresent(p -> {
                throw new IllegalArgumentException("image location reference: " + p);
            });
        }
        if (dir.toString().contains(":")) {
            throw new IllegalArgumentException("layout directory \"" + dir + "\" contains ':',"
                    + " which the oci:DIR[:REF] syntax cannot express");
        }
        return new ImageLocation(dir, ref);
    }

    /**
     * Whether {@code ref} fits the {@code org.opencontainers.image.ref.name} grammar.
     *
     * @param ref a candidate reference name
     * @return true when it fits
     */
    public static boolean isValidRefName(String ref) {
        return RefName.isValid(ref);
    }

    /**
     * Opens the layout, failing with a message that says what is missing.
     *
     * @return the layout
     * @throws IllegalArgumentException when the directory does not exist or holds no {@code oci-layout}
     * @throws IOException when the layout cannot be read
     */
    public ImageLayout openLayout() throws IOException {
        if (!Files.isDirectory(dir)) {
            throw new IllegalArgumentException(this + ": no such directory " + dir);
        }
        if (!Files.exists(dir.resolve("oci-layout"))) {
            throw new IllegalArgumentException(this + ": " + dir + " is not an OCI image layout (it has no oci-layout file)");
        }
        return ImageLayout.open(dir);
    }

    /**
     * The index.json entry this location names: the entry with the ref name, or, without one, the
     * only entry (as skopeo does).
     *
     * @param layout the layout at {@link #dir()}
     * @return the entry's descriptor
     * @throws IllegalArgumentException naming the available refs when the name is unknown or the
     *     choice is ambiguous
     * @throws IOException when {@code index.json} cannot be read
     */
    public Descriptor resolve(ImageLayout layout) throws IOException {
        List<Descriptor> entries = layout.index().manifests();
        if (!ref.isEmpty()) {
            return layout.resolve(ref).orElseThrow(() -> new IllegalArgumentException(this + ": no image named \""
                    + ref + "\" in the layout; available: " + names(entries)));
        }
        if (entries.size() == 1) {
            return entries.get(0);
        }
        if (entries.isEmpty()) {
            throw new IllegalArgumentException(this + ": the layout holds no images");
        }
        throw new IllegalArgumentException(this + ": the layout holds " + entries.size()
                + " images; name one as oci:DIR:REF, with REF one of: " + names(entries));
    }

    private static String names(List<Descriptor> entries) {
        List<String> names = new ArrayList<>();
        int unnamed = 0;
        for (Descriptor d : entries) {
            String name = d.annotations().get(Annotations.REF_NAME);
            if (name == null) {
                unnamed++;
            } else {
                names.add(name);
            }
        }
        String list = names.isEmpty() ? "(no named images)" : String.join(", ", names);
        return unnamed == 0 ? list : list + " (and " + unnamed + " unnamed)";
    }

    /** {@return the layout directory, as given (may be relative)} */
    public Path dir() {
        return dir;
    }

    /** {@return the reference name; empty when the location names the only image in the layout} */
    public Optional<String> ref() {
        return ref.isEmpty() ? Optional.empty() : Optional.of(ref);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ImageLocation l && l.dir.equals(dir) && l.ref.equals(ref);
    }

    @Override
    public int hashCode() {
        return dir.hashCode() * 31 + ref.hashCode();
    }

    /** {@code oci:DIR[:REF]}, parseable by {@link #parse} and by skopeo. */
    @Override
    public String toString() {
        return TRANSPORT + dir + (ref.isEmpty() ? "" : ":" + ref);
    }
}
