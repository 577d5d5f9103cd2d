package dev.oci4j.internal.json;

import dev.oci4j.validation.FormatReason;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * A codec's document size limit: whole documents are read into memory, so every read stops at
 * the limit, and an endless stream ({@code /dev/zero}, a pipe) costs at most that much memory.
 *
 * @param max the largest document, in bytes
 * @param errors the codec's exception for a document over the limit (TOO_LARGE at the root)
 */
public record DocumentLimit(long max, FormatErrors errors) {

    public DocumentLimit {
        Objects.requireNonNull(errors, "errors");
    }

    /** Refuses a document of {@code size} bytes over the limit. */
    public void check(long size) {
        if (size > max) {
            throw tooLarge(size + " bytes");
        }
    }

    /** The whole of {@code in} (not closed), refused as soon as it passes the limit. */
    public byte[] read(InputStream in) throws IOException {
        Objects.requireNonNull(in, "in");
        ByteArrayOutputStream out = new ByteArrayOutputStream(8192);
        byte[] buffer = new byte[8192];
        long total = 0;
        for (int n; (n = in.read(buffer)) >= 0; ) {
            total += n;
            if (total > max) {
                throw tooLarge("more than that after " + total + " bytes");
            }
            out.write(buffer, 0, n);
        }
        return out.toByteArray();
    }

    /**
     * A whole file: refused by its size before reading, and again while reading, since a file may
     * grow and a device such as {@code /dev/zero} has size 0 and no end.
     */
    public byte[] read(Path file) throws IOException {
        Objects.requireNonNull(file, "file");
        check(Files.size(file));
        try (InputStream in = Files.newInputStream(file)) {
            return read(in);
        }
    }

    private RuntimeException tooLarge(String found) {
        return errors.error(FormatReason.TOO_LARGE, "", "document is larger than the limit of " + max
                + " bytes, found " + found);
    }
}
