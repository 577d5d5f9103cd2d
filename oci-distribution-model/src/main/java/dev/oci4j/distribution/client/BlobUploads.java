package dev.oci4j.distribution.client;

import dev.oci4j.distribution.ContentRange;
import dev.oci4j.distribution.DistributionFormatException;
import dev.oci4j.distribution.Reference;
import dev.oci4j.image.Descriptor;
import dev.oci4j.image.Digest;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Blob uploads (distribution-spec "Pushing blobs"): HEAD first; mount; monolithic POST then PUT for
 * small blobs; PATCH chunks with {@code Content-Range} that always go to the newest {@code Location}.
 * After a failed PATCH the session is asked where it stands ({@code GET} on its URL) and the upload
 * goes on from the reported {@code Range}: a PATCH is never sent again blindly into a session that
 * may have taken part of it or died.
 */
final class BlobUploads {

    private static final String OCTETS = "application/octet-stream";

    private final RegistryClient client;

    BlobUploads(RegistryClient client) {
        this.client = client;
    }

    private URI blobUri(Reference repo, String rest) throws IOException {
        return client.transport.base(repo.registry()).resolve("/v2/" + repo.repository() + "/blobs/" + rest);
    }

    boolean exists(Reference repo, Digest digest) throws IOException {
        HttpResponse<InputStream> r = client.transport.send(new Transport.Call("HEAD", repo.registry(),
                blobUri(repo, digest.toString()), Map.of(), null, Manifests.pull(repo), true, repo.name() + "@" + digest));
        Transport.discard(r);
        if (r.statusCode() == 200) {
            return true;
        }
        if (r.statusCode() == 404) {
            return false;
        }
        throw Transport.error(r, "HEAD", repo.name() + "@" + digest);
    }

    void delete(Reference repo, Digest digest) throws IOException {
        String target = repo.name() + "@" + digest;
        HttpResponse<InputStream> r = client.transport.send(new Transport.Call("DELETE", repo.registry(),
                blobUri(repo, digest.toString()), Map.of(), null, "repository:" + repo.repository() + ":delete", true,
                target));
        if (r.statusCode() != 202 && r.statusCode() != 200) {
            throw Transport.error(r, "DELETE", target);
        }
        Transport.discard(r);
    }

    /** A session: the newest Location and the chunk minimum the registry asked for. */
    private record Session(URI location, long minChunk) {
    }

    boolean push(Reference repo, Descriptor d, BlobSource source, String mountFrom) throws IOException {
        Digest digest = d.digest();
        String target = repo.name() + "@" + digest;
        if (exists(repo, digest)) {
            client.listener.skipped(digest, d.size());
            return false;
        }
        String scope = Manifests.push(repo) + (mountFrom == null ? "" : " repository:" + mountFrom + ":pull");
        for (int attempt = 1; ; attempt++) {
            String query = mountFrom == null ? ""
                    : "?mount=" + enc(digest.toString()) + "&from=" + enc(mountFrom);
            // Starting a session twice is harmless (an unused one expires), so the POST may be retried.
            HttpResponse<InputStream> r = client.transport.send(new Transport.Call("POST", repo.registry(),
                    blobUri(repo, "uploads/" + query), Map.of(), () -> BodyPublishers.noBody(), scope, true, target));
            if (r.statusCode() == 201 && mountFrom != null) {
                Transport.discard(r);
                client.listener.skipped(digest, d.size());
                return true;
            }
            if (r.statusCode() != 202) {
                throw Transport.error(r, "POST", target);
            }
            Session s = session(r, blobUri(repo, "uploads/"), target);
            try {
                if (d.size() <= client.monolithicMax) {
                    putWhole(repo, s, d, source, scope, target);
                } else {
                    chunked(repo, s, d, source, scope, target);
                }
                client.listener.progress(digest, d.size(), d.size());
                return true;
            } catch (SessionLost e) {
                if (attempt >= client.maxAttempts) {
                    throw new IOException(target + ": the upload session was lost " + attempt + " times", e.getCause());
                }
            }
        }
    }

    /** The session died or its state cannot be known: a fresh session starts the blob again. */
    private static final class SessionLost extends Exception {
        private static final long serialVersionUID = 1L;

        SessionLost(Throwable cause) {
            super(cause);
        }
    }

    private Session session(HttpResponse<InputStream> r, URI base, String target) throws IOException {
        Transport.discard(r);
        String location = Transport.header(r, "Location");
        if (location == null) {
            throw new IOException(target + ": the registry started an upload without a Location");
        }
        long min = r.headers().firstValueAsLong("OCI-Chunk-Min-Length").orElse(0);
        try {
            return new Session(base.resolve(location), Math.max(0, min));
        } catch (IllegalArgumentException e) {
            throw new IOException(target + ": the upload Location is malformed: " + location, e);
        }
    }

    private void putWhole(Reference repo, Session s, Descriptor d, BlobSource source, String scope, String target)
            throws IOException, SessionLost {
        HttpResponse<InputStream> r;
        try {
            r = client.transport.send(new Transport.Call("PUT", repo.registry(), withDigest(s.location(), d.digest()),
                    Map.of("Content-Type", OCTETS), () -> body(source, 0, d.size(), d.digest(), d.size()), scope, false, target));
        } catch (RegistryException e) {
            throw e;
        } catch (IOException e) {
            if (exists(repo, d.digest())) {
                return; // the PUT arrived; only its answer was lost
            }
            throw new SessionLost(e);
        }
        finish(r, d.digest(), target);
    }

    private void chunked(Reference repo, Session s, Descriptor d, BlobSource source, String scope, String target)
            throws IOException, SessionLost {
        long size = d.size();
        long offset = 0;
        URI location = s.location();
        long chunk = Math.max(client.chunkSize, s.minChunk());
        int failures = 0;
        while (offset < size) {
            long len = Math.min(chunk, size - offset);
            ContentRange range = ContentRange.of(offset, len);
            long from = offset;
            HttpResponse<InputStream> r;
            try {
                r = client.transport.send(new Transport.Call("PATCH", repo.registry(), location,
                        Map.of("Content-Type", OCTETS, "Content-Range", range.toUploadHeader()),
                        () -> body(source, from, len, d.digest(), size), scope, false, target));
            } catch (RegistryException e) {
                throw e;
            } catch (IOException e) {
                r = null;
                if (++failures >= client.maxAttempts) {
                    throw new IOException(target + ": chunk " + range.toUploadHeader() + " failed " + failures + " times", e);
                }
            }
            if (r != null && r.statusCode() == 202) {
                Transport.discard(r);
                location = newest(location, r, target);
                offset = reportedEnd(r, offset + len, target);
                failures = 0;
                continue;
            }
            if (r != null && r.statusCode() != 416 && r.statusCode() < 500) {
                throw Transport.error(r, "PATCH", target);
            }
            if (r != null) {
                Transport.discard(r);
            }
            // Where does the session stand? Ask it, then go on from there.
            HttpResponse<InputStream> status = client.transport.send(new Transport.Call("GET", repo.registry(), location,
                    Map.of(), null, scope, true, target));
            Transport.discard(status);
            if (status.statusCode() != 204 && status.statusCode() != 200) {
                throw new SessionLost(Transport.error(status, "GET", target));
            }
            location = newest(location, status, target);
            String rh = Transport.header(status, "Range");
            if (rh == null) {
                throw new SessionLost(new IOException("the session reports no Range"));
            }
            long end = parseRange(rh, target).last() + 1;
            if (end == 1 && from == 0) {
                // docker-registry reports "0-0" for both no bytes and one byte: only a new session is certain.
                throw new SessionLost(new IOException("the session's offset is ambiguous (Range 0-0)"));
            }
            offset = end;
        }
        HttpResponse<InputStream> r = client.transport.send(new Transport.Call("PUT", repo.registry(),
                withDigest(location, d.digest()), Map.of("Content-Type", OCTETS), () -> BodyPublishers.noBody(), scope,
                false, target));
        finish(r, d.digest(), target);
    }

    private static long reportedEnd(HttpResponse<InputStream> r, long expected, String target) throws IOException {
        String rh = Transport.header(r, "Range");
        if (rh == null) {
            return expected;
        }
        long end = parseRange(rh, target).last() + 1;
        // "0-0" after a one-byte chunk is docker-registry's way of saying one byte.
        return end == 1 && expected == 1 ? 1 : end;
    }

    private static ContentRange parseRange(String header, String target) throws IOException {
        try {
            return ContentRange.parseUploadRange(header);
        } catch (DistributionFormatException e) {
            throw new IOException(target + ": " + e.getMessage(), e);
        }
    }

    private static URI newest(URI current, HttpResponse<InputStream> r, String target) throws IOException {
        String location = Transport.header(r, "Location");
        if (location == null) {
            return current;
        }
        try {
            return current.resolve(location);
        } catch (IllegalArgumentException e) {
            throw new IOException(target + ": the upload Location is malformed: " + location, e);
        }
    }

    private static void finish(HttpResponse<InputStream> r, Digest digest, String target) throws IOException {
        if (r.statusCode() != 201) {
            throw Transport.error(r, "PUT", target);
        }
        Transport.discard(r);
        String confirmed = Transport.header(r, "Docker-Content-Digest");
        if (confirmed != null && Digest.isValid(confirmed) && !Digest.parse(confirmed).equals(digest)
                && Digest.parse(confirmed).algorithm().equals(digest.algorithm())) {
            throw new IOException(target + ": the registry stored the blob as " + confirmed);
        }
    }

    private static URI withDigest(URI location, Digest digest) {
        String s = location.toString();
        return URI.create(s + (location.getRawQuery() == null ? "?" : "&") + "digest=" + enc(digest.toString()));
    }

    private BodyPublisher body(BlobSource source, long offset, long length, Digest digest, long total) {
        AtomicLong sent = new AtomicLong(offset);
        return BodyPublishers.fromPublisher(BodyPublishers.ofInputStream(() -> {
            try {
                return new Counting(source.open(offset), length, sent, digest, total);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }), length);
    }

    /** Limits a source to one chunk and reports progress as the body is sent. */
    private final class Counting extends FilterInputStream {
        private long left;
        private final AtomicLong sent;
        private final Digest digest;
        private final long total;
        private long reported;

        Counting(InputStream in, long length, AtomicLong sent, Digest digest, long total) {
            super(in);
            this.left = length;
            this.sent = sent;
            this.digest = digest;
            this.total = total;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (left <= 0) {
                return -1;
            }
            int n = super.read(b, off, (int) Math.min(len, left));
            if (n > 0) {
                left -= n;
                long now = sent.addAndGet(n);
                if (now - reported >= 1024 * 1024) {
                    reported = now;
                    client.listener.progress(digest, now, total);
                }
            }
            return n;
        }
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
