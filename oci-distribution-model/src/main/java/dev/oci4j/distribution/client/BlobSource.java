package dev.oci4j.distribution.client;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Where a pushed blob's bytes come from. An upload that resumes after an interruption opens the
 * source again at the offset the registry reports, so a source must be readable more than once.
 *
 * <pre>{@code BlobSource s = BlobSource.of(layout.blobPath(digest));}</pre>
 */
@FunctionalInterface
public interface BlobSource {

    /**
     * The bytes from {@code offset} to the end.
     *
     * @param offset the first byte wanted
     * @return a stream the caller closes
     * @throws IOException when the bytes cannot be read
     */
    InputStream open(long offset) throws IOException;

    /**
     * A file's bytes.
     *
     * @param file the file
     * @return the source
     */
    static BlobSource of(Path file) {
        return offset -> {
            FileChannel ch = FileChannel.open(file, StandardOpenOption.READ);
            ch.position(offset);
            return Channels.newInputStream(ch);
        };
    }

    /**
     * Bytes in memory.
     *
     * @param bytes the content
     * @return the source
     */
    static BlobSource of(byte[] bytes) {
        return offset -> new java.io.ByteArrayInputStream(bytes, (int) offset, bytes.length - (int) offset);
    }
}
