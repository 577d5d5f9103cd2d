package dev.oci4j.distribution.client;

import dev.oci4j.distribution.ContentRange;
import dev.oci4j.distribution.DistributionFormatException;
import dev.oci4j.distribution.Reference;
import dev.oci4j.image.Descriptor;
import dev.oci4j.image.Digest;
import dev.oci4j.image.DigestMismatchException;
import dev.oci4j.image.layout.Blob;
import dev.oci4j.image.layout.BlobWriter;
import dev.oci4j.image.layout.ImageLayout;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.Map;

/**
 * Blob downloads into a layout: streamed through the layout's verifying writer (nothing unverified
 * becomes visible), resumed with {@code Range} after a dropped connection.
 */
final class BlobDownloads {

    private final RegistryClient client;

    BlobDownloads(RegistryClient client) {
        this.client = client;
    }

    private URI uri(Reference repo, Digest digest) throws IOException {
        return client.transport.base(repo.registry()).resolve("/v2/" + repo.repository() + "/blobs/" + digest);
    }

    InputStream open(Reference repo, Digest digest, long offset) throws IOException {
        HttpResponse<InputStream> r = get(repo, digest, offset);
        if (r.statusCode() == 200 && offset > 0) {
            InputStream in = r.body();
            in.skipNBytes(offset);
            return in;
        }
        return r.body();
    }

    private HttpResponse<InputStream> get(Reference repo, Digest digest, long offset) throws IOException {
        Map<String, String> headers = offset > 0 ? Map.of("Range", "bytes=" + offset + "-") : Map.of();
        String target = repo.name() + "@" + digest;
        HttpResponse<InputStream> r = client.transport.send(new Transport.Call("GET", repo.registry(), uri(repo, digest),
                headers, null, Manifests.pull(repo), true, target));
        if (r.statusCode() != 200 && r.statusCode() != 206) {
            throw Transport.error(r, "GET", target);
        }
        return r;
    }

    Blob fetch(Reference repo, Descriptor descriptor, ImageLayout layout) throws IOException {
        Digest digest = descriptor.digest();
        long size = descriptor.size();
        if (layout.hasBlob(digest) && layout.blobSize(digest) == size) {
            client.listener.skipped(digest, size);
            return new Blob(digest, size, false);
        }
        String target = repo.name() + "@" + digest;
        BlobWriter writer = layout.newBlobWriter(digest, size);
        try {
            int failures = 0;
            while (true) {
                long offset = writer.size();
                HttpResponse<InputStream> r = get(repo, digest, offset);
                if (offset > 0 && !resumes(r, offset)) {
                    // The registry ignored the Range (or answered another one): start over from byte 0.
                    writer.abort();
                    writer = layout.newBlobWriter(digest, size);
                    if (r.statusCode() != 200) {
                        Transport.discard(r);
                        continue;
                    }
                }
                long before = writer.size();
                try {
                    copy(r.body(), writer, digest, size);
                    break;
                } catch (Interrupted e) {
                    // Progress resets the count: only a connection that keeps failing without
                    // delivering anything gives up.
                    failures = writer.size() > before ? 1 : failures + 1;
                    if (failures >= client.maxAttempts) {
                        throw new IOException(target + ": the download broke off at byte " + writer.size() + " of "
                                + size + " and could not be resumed", e.getCause());
                    }
                }
            }
            Blob blob = writer.commit();
            client.listener.progress(digest, size, size);
            return blob;
        } catch (DigestMismatchException e) {
            writer.abort();
            throw new DigestMismatchException(e.expected(), e.expectedSize(), e.actual().orElse(null), e.actualSize(),
                    target + ": refused, " + e.getMessage());
        } catch (IOException | RuntimeException e) {
            writer.abort();
            throw e;
        }
    }

    private static boolean resumes(HttpResponse<InputStream> r, long offset) {
        if (r.statusCode() != 206) {
            return false;
        }
        String cr = Transport.header(r, "Content-Range");
        try {
            return cr != null && ContentRange.parse(cr).first() == offset;
        } catch (DistributionFormatException e) {
            return false;
        }
    }

    /** A read from the network failed; the writer keeps what arrived. */
    private static final class Interrupted extends Exception {
        private static final long serialVersionUID = 1L;

        Interrupted(IOException cause) {
            super(cause);
        }
    }

    /** Writing to the layout failed: never retried, unlike the network. */
    private static final class WriteFailed extends RuntimeException {
        private static final long serialVersionUID = 1L;

        WriteFailed(IOException cause) {
            super(cause);
        }

        @Override
        public synchronized IOException getCause() {
            return (IOException) super.getCause();
        }
    }

    private void copy(InputStream body, BlobWriter writer, Digest digest, long size) throws IOException, Interrupted {
        byte[] buf = new byte[64 * 1024];
        long lastReport = 0;
        try (InputStream in = body) {
            while (true) {
                int n;
                try {
                    n = in.read(buf);
                } catch (InterruptedIOException e) {
                    throw e;
                } catch (IOException e) {
                    throw new Interrupted(e);
                }
                if (n < 0) {
                    break;
                }
                try {
                    writer.write(buf, 0, n); // a blob longer than its descriptor fails here
                } catch (IOException e) {
                    throw new WriteFailed(e);
                }
                if (writer.size() - lastReport >= 1024 * 1024) {
                    lastReport = writer.size();
                    client.listener.progress(digest, lastReport, size);
                }
            }
        } catch (WriteFailed e) {
            throw e.getCause();
        } catch (Interrupted e) {
            throw e;
        } catch (IOException e) {
            if (e instanceof DigestMismatchException || e instanceof InterruptedIOException) {
                throw e;
            }
            // Closing a broken stream can fail too; what arrived is kept.
            if (writer.size() < size) {
                throw new Interrupted(e);
            }
        }
        if (writer.size() < size) {
            // The server closed the body early without an error: resume too.
            throw new Interrupted(new IOException("connection closed after " + writer.size() + " of " + size + " bytes"));
        }
    }
}
