package dev.oci4j.distribution.client;

import dev.oci4j.distribution.DistributionFormatException;
import dev.oci4j.distribution.DistributionJson;
import dev.oci4j.distribution.Link;
import dev.oci4j.distribution.Reference;
import dev.oci4j.image.Descriptor;
import dev.oci4j.image.Digest;
import dev.oci4j.image.ImageFormatException;
import dev.oci4j.image.ImageIndex;
import dev.oci4j.image.ImageJson;
import dev.oci4j.image.ImageManifest;
import dev.oci4j.image.MediaType;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.Collectors;

/** Manifest, tag, catalog and referrers requests. */
final class Manifests {

    /** Manifests larger than this are refused (distribution-spec: registries SHOULD accept at least 4 MiB). */
    static final long MAX_MANIFEST = ImageJson.DEFAULT_MAX_DOCUMENT_SIZE;
    private static final int PAGE_SIZE = 1000;
    private static final int MAX_PAGES = 10_000;

    private final Transport transport;

    Manifests(Transport transport) {
        this.transport = transport;
    }

    static String pull(Reference r) {
        return "repository:" + r.repository() + ":pull";
    }

    static String push(Reference r) {
        return "repository:" + r.repository() + ":pull,push";
    }

    URI uri(Reference r, String rest) throws IOException {
        return transport.base(r.registry()).resolve("/v2/" + r.repository() + "/" + rest);
    }

    void ping(String registry) throws IOException {
        URI uri = transport.base(registry).resolve("/v2/");
        HttpResponse<InputStream> r = transport.send(new Transport.Call("GET", registry, uri, Map.of(), null, "", true,
                registry));
        if (r.statusCode() != 200) {
            throw Transport.error(r, "GET", registry);
        }
        Transport.discard(r);
    }

    private static String accept() {
        return RegistryClient.MANIFEST_TYPES.stream().map(MediaType::value).collect(Collectors.joining(", "));
    }

    FetchedManifest fetch(Reference ref) throws IOException {
        HttpResponse<InputStream> r = transport.send(new Transport.Call("GET", ref.registry(),
                uri(ref, "manifests/" + ref.manifestReference()), Map.of("Accept", accept()), null, pull(ref), true,
                ref.toString()));
        if (r.statusCode() != 200) {
            throw Transport.error(r, "GET", ref.toString());
        }
        byte[] bytes = Transport.readBody(r, MAX_MANIFEST, ref.toString());
        Digest expected = ref.digest().orElse(null);
        Digest actual = Digest.of(expected == null ? Digest.SHA256 : expected.algorithm(), bytes);
        if (expected != null && !expected.equals(actual)) {
            throw new IOException(ref + ": the registry served a manifest whose digest is " + actual);
        }
        String header = Transport.header(r, "Docker-Content-Digest");
        if (expected == null && header != null && Digest.isValid(header)) {
            Digest claimed = Digest.parse(header);
            if (claimed.isVerifiable() && !Digest.of(claimed.algorithm(), bytes).equals(claimed)) {
                throw new IOException(ref + ": the manifest's bytes do not match the registry's Docker-Content-Digest "
                        + claimed);
            }
        }
        return new FetchedManifest(mediaTypeOf(r, bytes, ref), actual, bytes);
    }

    private static MediaType mediaTypeOf(HttpResponse<?> r, byte[] bytes, Reference ref) throws IOException {
        String ct = Transport.header(r, "Content-Type");
        if (ct != null) {
            String type = ct.split(";", 2)[0].trim();
            if (!type.isEmpty() && !type.equals("application/json") && !type.equals("text/plain")) {
                return MediaType.of(type);
            }
        }
        // No useful Content-Type: the document's own mediaType, else what its members say.
        try {
            Optional<?> kind = ImageJson.standard().sniff(bytes);
            if (kind.isPresent() && kind.get().equals(dev.oci4j.image.DocumentKind.INDEX)) {
                return ImageJson.standard().readIndex(bytes).mediaType().orElse(MediaType.OCI_INDEX);
            }
            return ImageJson.standard().readManifest(bytes).mediaType().orElse(MediaType.OCI_MANIFEST);
        } catch (ImageFormatException e) {
            throw new IOException(ref + ": the registry answered something that is no manifest: " + e.getMessage(), e);
        }
    }

    Optional<Descriptor> head(Reference ref) throws IOException {
        HttpResponse<InputStream> r = transport.send(new Transport.Call("HEAD", ref.registry(),
                uri(ref, "manifests/" + ref.manifestReference()), Map.of("Accept", accept()), null, pull(ref), true,
                ref.toString()));
        Transport.discard(r);
        if (r.statusCode() == 404) {
            return Optional.empty();
        }
        if (r.statusCode() != 200) {
            throw Transport.error(r, "HEAD", ref.toString());
        }
        String digest = Transport.header(r, "Docker-Content-Digest");
        String type = Transport.header(r, "Content-Type");
        long size = r.headers().firstValueAsLong("Content-Length").orElse(-1);
        if (digest == null || !Digest.isValid(digest) || type == null || size < 0) {
            // Not enough to describe it: fetch the body instead.
            return Optional.of(fetch(ref).descriptor());
        }
        return Optional.of(Descriptor.of(MediaType.of(type.split(";", 2)[0].trim()), Digest.parse(digest), size));
    }

    PushedManifest push(Reference ref, MediaType type, byte[] bytes) throws IOException {
        Digest digest = Digest.of(ref.digest().map(Digest::algorithm).orElse(Digest.SHA256), bytes);
        if (ref.digest().isPresent() && !ref.digest().get().equals(digest)) {
            throw new IllegalArgumentException(ref + ": the manifest's digest is " + digest);
        }
        String target = ref.tag().isPresent() ? ref.tag().get() : digest.toString();
        HttpResponse<InputStream> r = transport.send(new Transport.Call("PUT", ref.registry(),
                uri(ref, "manifests/" + target), Map.of("Content-Type", type.value()),
                () -> BodyPublishers.ofByteArray(bytes), push(ref), true, ref.toString()));
        if (r.statusCode() != 201 && r.statusCode() != 200) {
            throw Transport.error(r, "PUT", ref.toString());
        }
        Transport.discard(r);
        String subjectHeader = Transport.header(r, "OCI-Subject");
        Optional<Digest> confirmed = subjectHeader != null && Digest.isValid(subjectHeader)
                ? Optional.of(Digest.parse(subjectHeader)) : Optional.empty();
        Optional<Descriptor> subject = subjectOf(type, bytes);
        if (subject.isPresent() && confirmed.isEmpty()) {
            addToFallbackTag(ref, subject.get().digest(), referrerDescriptor(type, digest, bytes));
        }
        return new PushedManifest(digest, confirmed);
    }

    private static Optional<Descriptor> subjectOf(MediaType type, byte[] bytes) {
        try {
            if (type.isIndex()) {
                return ImageJson.standard().readIndex(bytes).subject();
            }
            if (type.isManifest()) {
                return ImageJson.standard().readManifest(bytes).subject();
            }
        } catch (ImageFormatException e) {
            // The registry accepted it; whether it has a subject cannot be told.
        }
        return Optional.empty();
    }

    private static Descriptor referrerDescriptor(MediaType type, Digest digest, byte[] bytes) {
        Descriptor.Builder d = Descriptor.builder().mediaType(type).digest(digest).size(bytes.length);
        try {
            if (type.isIndex()) {
                ImageIndex i = ImageJson.standard().readIndex(bytes);
                i.artifactType().ifPresent(d::artifactType);
                d.annotations(i.annotations());
            } else {
                ImageManifest m = ImageJson.standard().readManifest(bytes);
                m.effectiveArtifactType().ifPresent(d::artifactType);
                d.annotations(m.annotations());
            }
        } catch (ImageFormatException ignored) {
            // subjectOf read it already
        }
        return d.build();
    }

    /** The referrers tag schema (distribution-spec "Referrers Tag Schema"): {@code <alg>-<ref>}, an index. */
    static String fallbackTag(Digest subject) {
        String tag = subject.algorithm() + "-" + subject.encoded();
        return tag.length() > 128 ? tag.substring(0, 128) : tag;
    }

    private void addToFallbackTag(Reference ref, Digest subject, Descriptor referrer) throws IOException {
        Reference tagRef = ref.withTag(fallbackTag(subject));
        ImageIndex current = fetchFallback(tagRef).orElse(ImageIndex.builder().mediaType(MediaType.OCI_INDEX).build());
        if (current.manifests().stream().anyMatch(d -> d.digest().equals(referrer.digest()))) {
            return;
        }
        ImageIndex updated = current.toBuilder().addManifest(referrer).build();
        push(tagRef, MediaType.OCI_INDEX, ImageJson.standard().write(updated));
    }

    private Optional<ImageIndex> fetchFallback(Reference tagRef) throws IOException {
        try {
            return Optional.of(ImageJson.standard().readIndex(fetch(tagRef).bytes()));
        } catch (RegistryException e) {
            if (e.status() == 404) {
                return Optional.empty();
            }
            throw e;
        } catch (ImageFormatException e) {
            throw new IOException(tagRef + ": the referrers fallback tag is no index: " + e.getMessage(), e);
        }
    }

    ImageIndex referrers(Reference repo, Digest subject, Optional<MediaType> artifactType) throws IOException {
        String query = artifactType.map(t -> "?artifactType=" + URLEncoder.encode(t.value(), StandardCharsets.UTF_8))
                .orElse("");
        HttpResponse<InputStream> r = transport.send(new Transport.Call("GET", repo.registry(),
                uri(repo, "referrers/" + subject + query), Map.of("Accept", MediaType.OCI_INDEX.value()), null,
                pull(repo), true, repo.name() + "@" + subject));
        ImageIndex index;
        boolean filtered = false;
        if (r.statusCode() == 200) {
            byte[] body = Transport.readBody(r, MAX_MANIFEST, repo.name());
            try {
                index = DistributionJson.standard().readReferrers(body);
            } catch (DistributionFormatException e) {
                throw new IOException(repo.name() + "@" + subject + ": the referrers answer is malformed: "
                        + e.getMessage(), e);
            }
            filtered = r.headers().allValues("OCI-Filters-Applied").stream().anyMatch(v -> v.contains("artifactType"));
        } else if (r.statusCode() == 404) {
            Transport.discard(r);
            index = fetchFallback(repo.withTag(fallbackTag(subject)))
                    .orElse(ImageIndex.builder().mediaType(MediaType.OCI_INDEX).build());
        } else {
            throw Transport.error(r, "GET", repo.name() + "@" + subject);
        }
        if (artifactType.isPresent() && !filtered) {
            List<Descriptor> kept = new ArrayList<>();
            for (Descriptor d : index.manifests()) {
                if (d.artifactType().equals(artifactType)) {
                    kept.add(d);
                }
            }
            index = index.toBuilder().manifests(kept).build();
        }
        return index;
    }

    List<String> tags(Reference repo) throws IOException {
        TreeSet<String> all = new TreeSet<>();
        URI next = uri(repo, "tags/list?n=" + PAGE_SIZE);
        for (int page = 0; next != null && page < MAX_PAGES; page++) {
            HttpResponse<InputStream> r = transport.send(new Transport.Call("GET", repo.registry(), next, Map.of(), null,
                    pull(repo), true, repo.name()));
            if (r.statusCode() != 200) {
                throw Transport.error(r, "GET", repo.name());
            }
            byte[] body = Transport.readBody(r, 64L * 1024 * 1024, repo.name());
            int before = all.size();
            try {
                all.addAll(DistributionJson.standard().readTagList(body).tags());
                next = Link.next(Transport.header(r, "Link"), next).orElse(null);
            } catch (DistributionFormatException e) {
                throw new IOException(repo.name() + ": the tag list is malformed: " + e.getMessage(), e);
            }
            if (all.size() == before) {
                break; // a registry that ignores "last" would page forever
            }
        }
        return List.copyOf(all);
    }

    List<String> catalog(String registry) throws IOException {
        TreeSet<String> all = new TreeSet<>();
        URI next = transport.base(registry).resolve("/v2/_catalog?n=" + PAGE_SIZE);
        for (int page = 0; next != null && page < MAX_PAGES; page++) {
            HttpResponse<InputStream> r = transport.send(new Transport.Call("GET", registry, next, Map.of(), null,
                    "registry:catalog:*", true, registry));
            if (r.statusCode() != 200) {
                throw Transport.error(r, "GET", registry + " catalog");
            }
            byte[] body = Transport.readBody(r, 64L * 1024 * 1024, registry);
            int before = all.size();
            try {
                all.addAll(DistributionJson.standard().readCatalog(body).repositories());
                next = Link.next(Transport.header(r, "Link"), next).orElse(null);
            } catch (DistributionFormatException e) {
                throw new IOException(registry + ": the catalog is malformed: " + e.getMessage(), e);
            }
            if (all.size() == before) {
                break;
            }
        }
        return List.copyOf(all);
    }

    void delete(Reference ref) throws IOException {
        HttpResponse<InputStream> r = transport.send(new Transport.Call("DELETE", ref.registry(),
                uri(ref, "manifests/" + ref.manifestReference()), Map.of(), null,
                "repository:" + ref.repository() + ":delete", true, ref.toString()));
        if (r.statusCode() != 202 && r.statusCode() != 200) {
            throw Transport.error(r, "DELETE", ref.toString());
        }
        Transport.discard(r);
    }
}
