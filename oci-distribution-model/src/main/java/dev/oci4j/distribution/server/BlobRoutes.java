package dev.oci4j.distribution.server;

import dev.oci4j.distribution.ContentRange;
import dev.oci4j.distribution.DistributionFormatException;
import dev.oci4j.distribution.ErrorCode;
import dev.oci4j.image.Digest;
import dev.oci4j.image.DigestMismatchException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Blobs and upload sessions (distribution-spec "Pulling blobs", "Pushing blobs", "Deleting blobs"). */
final class BlobRoutes {

    private static final Pattern RANGE = Pattern.compile("bytes=(\\d*)-(\\d*)");

    private final RegistryStorage storage;
    private final Uploads uploads;
    private final long chunkMinLength;

    BlobRoutes(RegistryStorage storage, Uploads uploads, long chunkMinLength) {
        this.storage = storage;
        this.uploads = uploads;
        this.chunkMinLength = chunkMinLength;
    }

    // ---------------------------------------------------------------- blobs

    void blob(Call c, String name, String digestText) throws IOException {
        Digest digest = Checks.digest(digestText);
        switch (c.method) {
            case "GET", "HEAD" -> get(c, name, digest);
            case "DELETE" -> {
                if (!storage.deleteBlob(name, digest)) {
                    throw new ApiError(404, ErrorCode.BLOB_UNKNOWN, "blob " + digest + " is not in " + name);
                }
                c.empty(202);
            }
            default -> throw Router.methodNotAllowed(c);
        }
    }

    private void get(Call c, String name, Digest digest) throws IOException {
        OptionalLong size = storage.blobSize(name, digest);
        if (size.isEmpty()) {
            throw new ApiError(404, ErrorCode.BLOB_UNKNOWN, "blob " + digest + " is not in " + name);
        }
        long total = size.getAsLong();
        c.set("Docker-Content-Digest", digest.toString()).set("Accept-Ranges", "bytes");
        Optional<String> range = c.header("Range");
        long first = 0;
        long last = total - 1;
        int status = 200;
        if (range.isPresent()) {
            Matcher m = RANGE.matcher(range.get().trim());
            if (m.matches() && !(m.group(1).isEmpty() && m.group(2).isEmpty())) {
                if (m.group(1).isEmpty()) {          // bytes=-N: the last N bytes
                    first = Math.max(0, total - parse(m.group(2)));
                } else {
                    first = parse(m.group(1));
                    last = m.group(2).isEmpty() ? total - 1 : Math.min(parse(m.group(2)), total - 1);
                }
                if (first >= total || first > last) {
                    throw new ApiError(416, ErrorCode.BLOB_UNKNOWN, "range " + range.get() + " is outside the blob's "
                            + total + " bytes").header("Content-Range", "bytes */" + total);
                }
                status = 206;
                c.set("Content-Range", "bytes " + first + "-" + last + "/" + total);
            }
            // Anything else (several ranges, another unit) is ignored, as RFC 9110 allows: the whole blob.
        }
        InputStream in = c.isHead() ? InputStream.nullInputStream() : storage.openBlob(name, digest, first);
        c.stream(status, "application/octet-stream", last - first + 1, in);
    }

    private static long parse(String digits) {
        try {
            return Long.parseLong(digits);
        } catch (NumberFormatException e) {
            return Long.MAX_VALUE;
        }
    }

    // ---------------------------------------------------------------- uploads

    void startUpload(Call c, String name) throws IOException {
        if (!c.method.equals("POST")) {
            throw Router.methodNotAllowed(c);
        }
        Optional<String> mount = c.param("mount");
        if (mount.isPresent() && mount(c, name, Checks.digest(mount.get()), c.param("from"))) {
            return;
        }
        Optional<String> digestParam = mount.isPresent() ? Optional.empty() : c.param("digest");
        if (digestParam.isPresent()) {
            Digest digest = Checks.digest(digestParam.get());
            long length = contentLength(c);
            try {
                storage.putBlob(name, digest, length, c.body());
            } catch (DigestMismatchException e) {
                throw digestInvalid(digest, e);
            }
            created(c, name, digest);
            return;
        }
        Uploads.Session s = uploads.open(name);
        progress(c, s, 202);
    }

    /** Mounts from {@code from}, or from any repository holding the blob when {@code from} is absent. */
    private boolean mount(Call c, String name, Digest digest, Optional<String> from) throws IOException {
        Optional<String> source = from.isPresent()
                ? Optional.of(Checks.name(from.get())).filter(f -> has(f, digest))
                : storage.repositories().stream().filter(f -> has(f, digest)).findFirst();
        if (source.isEmpty()) {
            return false;
        }
        if (!source.get().equals(name) && !storage.mountBlob(source.get(), name, digest)) {
            return false;   // deleted from the source meanwhile: an ordinary upload, as when it was never there
        }
        created(c, name, digest);
        return true;
    }

    private boolean has(String repository, Digest digest) {
        try {
            return storage.blobSize(repository, digest).isPresent();
        } catch (IOException e) {
            return false;
        }
    }

    void upload(Call c, String name, String id) throws IOException {
        Uploads.Session s = uploads.get(name, id);
        synchronized (s) {
            switch (c.method) {
                case "GET" -> progress(c, s, 204);
                case "PATCH" -> {
                    appendChunk(c, s);
                    progress(c, s, 202);
                }
                case "PUT" -> finish(c, name, s);
                case "DELETE" -> {
                    uploads.close(s);
                    c.empty(204);
                }
                default -> throw Router.methodNotAllowed(c);
            }
        }
    }

    private void appendChunk(Call c, Uploads.Session s) throws IOException {
        Optional<String> header = c.header("Content-Range");
        ContentRange range = null;
        if (header.isPresent()) {
            try {
                range = ContentRange.parseUploadRange(header.get());
            } catch (DistributionFormatException e) {
                throw outOfOrder(c, s, "Content-Range " + e.getMessage());
            }
            if (range.first() != s.size) {
                throw outOfOrder(c, s, "chunk starts at " + range.first() + " but the upload holds " + s.size
                        + " bytes; chunks must come in order without overlap");
            }
        }
        boolean afterShortChunk = chunkMinLength > 0 && s.lastChunk >= 0 && s.lastChunk < chunkMinLength;
        if (afterShortChunk && c.header("Content-Length").map(BlobRoutes::parse).orElse(0L) > 0) {
            throw afterShortChunk(c, s);   // refused before reading a body that would be thrown away
        }
        long written = Uploads.append(s, c.body());
        long declared = c.header("Content-Length").map(BlobRoutes::parse).orElse(written);
        if (range != null && written != range.length() || declared != written) {
            Uploads.rollback(s);
            throw outOfOrder(c, s, "chunk holds " + written + " bytes, its headers announced "
                    + (range != null ? range.length() : declared));
        }
        if (afterShortChunk && written > 0) {
            Uploads.rollback(s);
            throw afterShortChunk(c, s);
        }
        Uploads.accept(s, written);
    }

    /**
     * Only a following chunk shows that a short one was not the last (the one chunk that may be short,
     * distribution-spec "Pushing a blob in chunks"); the server MAY refuse it with 416 and the current Range.
     */
    private ApiError afterShortChunk(Call c, Uploads.Session s) {
        return outOfOrder(c, s, "the previous chunk of " + s.lastChunk + " bytes is below OCI-Chunk-Min-Length "
                + chunkMinLength + ", so it had to be the last; close the upload with a PUT without a body");
    }

    private ApiError outOfOrder(Call c, Uploads.Session s, String message) {
        return new ApiError(416, ErrorCode.BLOB_UPLOAD_INVALID, message)
                .header("Location", location(c, s)).header("Range", rangeHeader(s.size))
                .header("Docker-Upload-UUID", s.id);
    }

    private void finish(Call c, String name, Uploads.Session s) throws IOException {
        Digest digest;
        try {
            digest = Checks.digest(c.param("digest").orElseThrow(
                    () -> new ApiError(400, ErrorCode.DIGEST_INVALID, "the closing PUT needs ?digest=")));
            appendChunk(c, s);
        } catch (ApiError e) {
            if (e.status != 416) {   // 416 leaves the session open, for the client to resume from its Range
                uploads.close(s);
            }
            throw e;
        }
        try {
            Optional<Digest> received = Uploads.received(s, digest.algorithm());
            if (received.isPresent()) {
                if (!received.get().equals(digest)) {
                    throw new ApiError(400, ErrorCode.DIGEST_INVALID, "content does not match " + digest + ": the "
                            + s.size + " bytes received are " + received.get() + "; nothing was stored");
                }
                storage.adoptBlob(name, digest, s.size, s.file);
            } else {
                try (InputStream in = Files.newInputStream(s.file)) {
                    storage.putBlob(name, digest, s.size, in);
                }
            }
        } catch (DigestMismatchException e) {
            throw digestInvalid(digest, e);
        } finally {
            uploads.close(s);
        }
        created(c, name, digest);
    }

    private static ApiError digestInvalid(Digest digest, DigestMismatchException e) {
        return new ApiError(400, ErrorCode.DIGEST_INVALID, "content does not match " + digest + ": "
                + e.getMessage() + "; nothing was stored");
    }

    private static long contentLength(Call c) {
        return c.header("Content-Length").map(BlobRoutes::parse).orElse(-1L);
    }

    private void progress(Call c, Uploads.Session s, int status) throws IOException {
        c.set("Location", location(c, s)).set("Range", rangeHeader(s.size)).set("Docker-Upload-UUID", s.id);
        if (chunkMinLength > 0) {
            c.set("OCI-Chunk-Min-Length", Long.toString(chunkMinLength));
        }
        c.empty(status);
    }

    private static String location(Call c, Uploads.Session s) {
        return "/v2/" + s.repository + "/blobs/uploads/" + s.id;
    }

    /** {@code 0-<last>}, inclusive; {@code 0-0} before the first byte, as docker-registry sends. */
    private static String rangeHeader(long size) {
        return "0-" + Math.max(0, size - 1);
    }

    private static void created(Call c, String name, Digest digest) throws IOException {
        c.set("Location", "/v2/" + name + "/blobs/" + digest).set("Docker-Content-Digest", digest.toString());
        c.empty(201);
    }
}
