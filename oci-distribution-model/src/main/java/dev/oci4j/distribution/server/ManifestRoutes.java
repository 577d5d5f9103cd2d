package dev.oci4j.distribution.server;

import dev.oci4j.distribution.ErrorCode;
import dev.oci4j.image.Descriptor;
import dev.oci4j.image.Digest;
import dev.oci4j.image.ImageFormatException;
import dev.oci4j.image.ImageIndex;
import dev.oci4j.image.ImageJson;
import dev.oci4j.image.ImageManifest;
import dev.oci4j.image.MediaType;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Manifests by tag and digest, and the referrers API (distribution-spec "Pulling manifests", "Pushing manifests"). */
final class ManifestRoutes {

    /** The spec's suggested manifest size limit: a registry SHOULD accept at least 4 MiB. */
    static final int MAX_MANIFEST_SIZE = 4 * 1024 * 1024;

    private final RegistryStorage storage;

    ManifestRoutes(RegistryStorage storage) {
        this.storage = storage;
    }

    void manifest(Call c, String name, String reference) throws IOException {
        switch (c.method) {
            case "GET", "HEAD" -> get(c, name, reference);
            case "PUT" -> put(c, name, reference);
            case "DELETE" -> delete(c, name, reference);
            default -> throw Router.methodNotAllowed(c);
        }
    }

    private static boolean isDigest(String reference) {
        return reference.indexOf(':') >= 0;
    }

    private Optional<StoredManifest> find(String name, String reference) throws IOException {
        Optional<Digest> digest = isDigest(reference) ? Optional.of(Checks.digest(reference))
                : Checks.isTag(reference) ? storage.resolveTag(name, reference) : Optional.empty();
        return digest.isEmpty() ? Optional.empty() : storage.manifest(name, digest.get());
    }

    private void get(Call c, String name, String reference) throws IOException {
        Optional<StoredManifest> found = find(name, reference);
        if (found.isEmpty()) {
            throw unknown(name, reference);
        }
        StoredManifest m = found.get();
        if (!Accept.allows(c.headers("Accept"), m.mediaType().value())) {
            // The spec leaves content negotiation open; docker-registry's answer, which clients handle,
            // is a 404 saying why: a registry never converts a manifest, so the client must ask for what is stored.
            throw new ApiError(404, ErrorCode.MANIFEST_UNKNOWN, "manifest " + Checks.shorten(reference) + " in " + name
                    + " is a " + m.mediaType().value() + ", which the request's Accept header does not list");
        }
        c.set("Docker-Content-Digest", m.digest().toString());
        c.bytes(200, m.mediaType().value(), m.bytes());
    }

    private ApiError unknown(String name, String reference) throws IOException {
        return storage.hasRepository(name)
                ? new ApiError(404, ErrorCode.MANIFEST_UNKNOWN, "manifest " + Checks.shorten(reference) + " is not in " + name)
                : new ApiError(404, ErrorCode.NAME_UNKNOWN, "repository " + name + " is not known to this registry");
    }

    private void delete(Call c, String name, String reference) throws IOException {
        boolean deleted;
        if (isDigest(reference)) {
            deleted = storage.deleteManifest(name, Checks.digest(reference));
        } else {
            deleted = Checks.isTag(reference) && storage.untag(name, reference);
        }
        if (!deleted) {
            throw unknown(name, reference);
        }
        c.empty(202);
    }

    private void put(Call c, String name, String reference) throws IOException {
        Optional<Digest> expected = Optional.empty();
        if (isDigest(reference)) {
            expected = Optional.of(Checks.digest(reference));
        } else if (!Checks.isTag(reference)) {
            throw new ApiError(400, ErrorCode.MANIFEST_INVALID, "\"" + Checks.shorten(reference)
                    + "\" is not a tag: expected [A-Za-z0-9_][A-Za-z0-9._-]{0,127}");
        }
        byte[] bytes = readLimited(c.body());
        Digest digest = Checks.compute(expected.map(Digest::algorithm).orElse(Digest.SHA256), bytes);
        if (expected.isPresent() && !expected.get().equals(digest)) {
            throw new ApiError(400, ErrorCode.DIGEST_INVALID, "the manifest's digest is " + digest + ", not " + expected.get());
        }
        MediaType type = c.header("Content-Type").map(t -> t.split(";")[0].trim()).filter(t -> !t.isEmpty())
                .map(MediaType::of).orElse(null);
        Optional<Descriptor> subject = check(name, type, bytes);
        storage.putManifest(name, new StoredManifest(digest, type == null ? sniffedType(bytes) : type, bytes));
        if (!isDigest(reference)) {
            storage.tag(name, reference, digest);
        }
        subject.ifPresent(s -> c.set("OCI-Subject", s.digest().toString()));
        c.set("Location", "/v2/" + name + "/manifests/" + digest).set("Docker-Content-Digest", digest.toString());
        c.empty(201);
    }

    private static byte[] readLimited(InputStream in) throws IOException {
        byte[] bytes = in.readNBytes(MAX_MANIFEST_SIZE + 1);
        if (bytes.length > MAX_MANIFEST_SIZE) {
            throw new ApiError(413, ErrorCode.SIZE_INVALID, "manifest is larger than " + MAX_MANIFEST_SIZE + " bytes");
        }
        return bytes;
    }

    private static MediaType sniffedType(byte[] bytes) {
        return mediaTypeField(bytes).orElseThrow(() -> new ApiError(400, ErrorCode.MANIFEST_INVALID,
                "the manifest has no Content-Type and no mediaType member"));
    }

    private static Optional<MediaType> mediaTypeField(byte[] bytes) {
        try {
            return ImageJson.readIndex(bytes).mediaType();
        } catch (ImageFormatException e) {
            return Optional.empty();
        }
    }

    /** Parses a manifest or index, checks what it references is here; returns its subject. */
    private Optional<Descriptor> check(String name, MediaType contentType, byte[] bytes) throws IOException {
        MediaType type = contentType != null ? contentType : sniffedType(bytes);
        if (!type.isManifest() && !type.isIndex()) {
            return Optional.empty();   // an opaque document the registry stores without reading
        }
        try {
            if (type.isManifest()) {
                ImageManifest m = ImageJson.readManifest(bytes);
                sameType(type, m.mediaType());
                List<Descriptor> blobs = new ArrayList<>(m.layers());
                blobs.add(0, m.config());
                for (Descriptor d : blobs) {
                    if (d.urls().isEmpty() && !d.isEmptyDescriptor() && storage.blobSize(name, d.digest()).isEmpty()) {
                        throw new ApiError(400, ErrorCode.MANIFEST_BLOB_UNKNOWN, "blob " + d.digest()
                                + " the manifest references is not in " + name);
                    }
                }
                return m.subject();
            }
            ImageIndex index = ImageJson.readIndex(bytes);
            sameType(type, index.mediaType());
            for (Descriptor d : index.manifests()) {
                if (storage.manifest(name, d.digest()).isEmpty()) {
                    throw new ApiError(400, ErrorCode.MANIFEST_BLOB_UNKNOWN, "manifest " + d.digest()
                            + " the index references is not in " + name);
                }
            }
            return index.subject();
        } catch (ImageFormatException e) {
            throw new ApiError(400, ErrorCode.MANIFEST_INVALID, e.getMessage());
        }
    }

    private static void sameType(MediaType contentType, Optional<MediaType> field) {
        if (field.isPresent() && !field.get().equals(contentType)) {
            throw new ApiError(400, ErrorCode.MANIFEST_INVALID, "Content-Type " + contentType.value()
                    + " differs from the manifest's mediaType " + field.get().value());
        }
    }

    // ---------------------------------------------------------------- referrers

    void referrers(Call c, String name, String digestText) throws IOException {
        if (!c.method.equals("GET") && !c.method.equals("HEAD")) {
            throw Router.methodNotAllowed(c);
        }
        Digest subject = Checks.digest(digestText);
        Optional<String> artifactType = c.param("artifactType");
        List<Descriptor> found = new ArrayList<>();
        for (Digest d : storage.manifests(name)) {
            Optional<StoredManifest> m = storage.manifest(name, d);
            if (m.isPresent()) {
                referrer(m.get(), subject).filter(r -> artifactType.isEmpty()
                        || r.artifactType().map(MediaType::value).equals(artifactType)).ifPresent(found::add);
            }
        }
        if (artifactType.isPresent()) {
            c.set("OCI-Filters-Applied", "artifactType");
        }
        byte[] body = ImageJson.write(ImageIndex.builder().manifests(found).build());
        c.bytes(200, MediaType.OCI_INDEX.value(), body);
    }

    /** The descriptor of {@code m} for a referrers list when its subject is {@code subject}. */
    private static Optional<Descriptor> referrer(StoredManifest m, Digest subject) {
        try {
            Optional<Descriptor> s;
            Optional<MediaType> artifactType;
            java.util.Map<String, String> annotations;
            if (m.mediaType().isManifest()) {
                ImageManifest im = ImageJson.readManifest(m.bytes());
                s = im.subject();
                artifactType = im.artifactType().or(() -> im.config().mediaType());
                annotations = im.annotations();
            } else if (m.mediaType().isIndex()) {
                ImageIndex ii = ImageJson.readIndex(m.bytes());
                s = ii.subject();
                artifactType = ii.artifactType();
                annotations = ii.annotations();
            } else {
                return Optional.empty();
            }
            if (s.isEmpty() || !s.get().digest().equals(subject)) {
                return Optional.empty();
            }
            Descriptor.Builder b = Descriptor.builder().mediaType(m.mediaType()).digest(m.digest())
                    .size(m.bytes().length).annotations(annotations);
            artifactType.ifPresent(b::artifactType);
            return Optional.of(b.build());
        } catch (ImageFormatException e) {
            return Optional.empty();
        }
    }
}
