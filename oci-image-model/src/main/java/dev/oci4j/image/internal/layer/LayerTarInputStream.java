package dev.oci4j.image.internal.layer;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

/**
 * commons-compress's tar reader, with each entry ended here before the next header is read: the rest of
 * its data and its padding to the 512-byte record go through one reused buffer. commons-compress (1.28)
 * does the same through commons-io's skip, which allocates an 8 KiB buffer per call, twice per entry:
 * about 200 MB allocated and zeroed for a 12,636-entry layer, a third of a cold unpack's main-thread
 * samples. Sparse entries, and anything but 512-byte records, are left to commons-compress. The bytes read
 * and the errors (an {@link IOException} "Truncated TAR archive" from {@link #nextEntry()}) are the same.
 */
public final class LayerTarInputStream extends TarArchiveInputStream {

    private static final int RECORD = 512;

    private final InputStream raw;
    private final byte[] rest = new byte[8192];

    /** Reads a tar with UTF-8 names from {@code in}. */
    public LayerTarInputStream(InputStream in) {
        super(in, StandardCharsets.UTF_8.name());
        this.raw = in;
    }

    /** {@link #getNextEntry()} after ending the current entry here (when it is not sparse). */
    public TarArchiveEntry nextEntry() throws IOException {
        TarArchiveEntry e = getCurrentEntry();
        if (e != null && !isAtEOF() && !e.isSparse() && getRecordSize() == RECORD) {
            // What TarArchiveInputStream.getNextTarEntry does, in its order: a directory's data is neither read
            // nor skipped there (read() returns -1 for one), so the same holds here.
            if (!e.isDirectory()) {
                while (read(rest, 0, rest.length) > 0) {
                    // the entry's unread data
                }
                long size = e.getSize();
                if (size > 0 && size % RECORD != 0) {
                    int padding = (int) (RECORD - size % RECORD);
                    int done = 0;
                    while (done < padding) {
                        int n = raw.read(rest, 0, padding - done);
                        if (n < 0) {
                            break;
                        }
                        done += n;
                    }
                    if (done != padding) {
                        throw new IOException("Truncated TAR archive");
                    }
                }
            }
            setCurrentEntry(null);
        }
        return getNextEntry();
    }
}
