package dev.oci4j.distribution.client;

import dev.oci4j.distribution.Reference;
import dev.oci4j.image.Descriptor;
import dev.oci4j.image.Digest;
import dev.oci4j.image.ImageIndex;
import dev.oci4j.image.MediaType;
import dev.oci4j.image.layout.Blob;
import dev.oci4j.image.layout.ImageLayout;
import java.io.IOException;
import java.net.http.HttpClient;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * A client for registries that implement the OCI distribution spec v1.1 (and Docker's registry API
 * v2), on {@link java.net.http.HttpClient}. It authenticates (Basic, bearer tokens per scope), speaks
 * TLS unless the registry is on this machine (plain HTTP, or TLS unverified when the registry speaks
 * only TLS) or was named insecure, follows redirects without sending
 * credentials to other hosts, retries idempotent requests on 429, 5xx and network errors, resumes
 * downloads with {@code Range} and uploads from the registry's reported offset.
 *
 * <pre>{@code
 * RegistryClient client = RegistryClient.builder()
 *         .credentials(DockerCredentials.fromEnvironment())
 *         .build();
 * FetchedManifest m = client.fetchManifest(Reference.parse("localhost:5000/app:1.0"));
 * }</pre>
 */
public final class RegistryClient {

    /** The Accept list for manifests: OCI and Docker v2 schema 2, manifests and indexes. */
    public static final List<MediaType> MANIFEST_TYPES = List.of(MediaType.OCI_MANIFEST, MediaType.OCI_INDEX,
            MediaType.DOCKER_MANIFEST, MediaType.DOCKER_MANIFEST_LIST);

    final Transport transport;
    final int maxConcurrentDownloads;
    final long chunkSize;
    final long monolithicMax;
    final int maxAttempts;
    final TransferListener listener;
    private final Manifests manifests;
    private final BlobDownloads downloads;
    private final BlobUploads uploads;

    private RegistryClient(Builder b) {
        HttpClient.Builder hb = HttpClient.newBuilder()
                // HTTP/1.1: the JDK would try an h2c upgrade on cleartext and put parallel blob streams on
                // one HTTP/2 connection; separate connections stream layers in parallel.
                .version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(b.connectTimeout)
                // TLS set up on the first HTTPS connection: plain-HTTP (loopback) registries never pay for it.
                .sslContext(LazySslContext.ofDefault());
        HttpClient http = hb.build();
        Duration connectTimeout = b.connectTimeout;
        // Built when first needed: for registries named insecure, and loopback registries that speak TLS.
        java.util.function.Supplier<HttpClient> insecure = new java.util.function.Supplier<>() {
            private HttpClient client;

            @Override
            public synchronized HttpClient get() {
                if (client == null) {
                    client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                            .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(connectTimeout)
                            .sslContext(new LazySslContext(RegistryClient::trustAll)).build();
                }
                return client;
            }
        };
        this.transport = new Transport(http, insecure, b.insecure, b.credentials, b.maxAttempts, b.backoff,
                b.maxRetryAfter, b.userAgent);
        this.maxConcurrentDownloads = b.maxConcurrentDownloads;
        this.chunkSize = b.chunkSize;
        this.monolithicMax = b.monolithicMax;
        this.maxAttempts = b.maxAttempts;
        this.listener = b.listener;
        this.manifests = new Manifests(transport);
        this.downloads = new BlobDownloads(this);
        this.uploads = new BlobUploads(this);
    }

    /** {@return a new builder} */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Checks that the registry answers the API ({@code GET /v2/}), authenticating when asked.
     *
     * @param registry the registry, such as {@code localhost:5000}
     * @throws IOException when it does not answer 200
     */
    public void ping(String registry) throws IOException {
        manifests.ping(registry);
    }

    /**
     * Fetches a manifest or index by tag or digest, verifying its digest.
     *
     * @param reference the image
     * @return the document as served
     * @throws RegistryException when the registry refuses ({@code MANIFEST_UNKNOWN}, ...)
     * @throws IOException when the bytes do not match the reference's digest, or on I/O errors
     */
    public FetchedManifest fetchManifest(Reference reference) throws IOException {
        return manifests.fetch(reference);
    }

    /**
     * Asks for a manifest's descriptor without its body ({@code HEAD}).
     *
     * @param reference the image
     * @return media type, digest and size; empty when the registry does not have it
     * @throws IOException on other errors
     */
    public Optional<Descriptor> headManifest(Reference reference) throws IOException {
        return manifests.head(reference);
    }

    /**
     * Pushes a manifest or index, by the reference's tag, or by its digest when it has no tag.
     *
     * @param reference where to push; a digest in it must equal the bytes' digest
     * @param mediaType the document's type, sent as {@code Content-Type}
     * @param bytes     the document, pushed byte for byte
     * @return the digest and whether the registry answered {@code OCI-Subject}
     * @throws IOException when the registry refuses
     */
    public PushedManifest pushManifest(Reference reference, MediaType mediaType, byte[] bytes) throws IOException {
        return manifests.push(reference, mediaType, bytes);
    }

    /**
     * Whether a repository has a blob ({@code HEAD}).
     *
     * @param repository the repository (tag and digest ignored)
     * @param digest     the blob
     * @return whether it exists
     * @throws IOException on errors other than 404
     */
    public boolean hasBlob(Reference repository, Digest digest) throws IOException {
        return uploads.exists(repository, digest);
    }

    /**
     * Downloads a blob into a layout, verified: digest and size are checked before it appears under
     * {@code blobs/}; a dropped connection resumes with {@code Range}. A blob the layout has is not fetched.
     *
     * @param repository the repository
     * @param descriptor the blob's descriptor
     * @param layout     the layout
     * @return the stored blob
     * @throws IOException when the blob cannot be fetched or does not match
     */
    public Blob fetchBlob(Reference repository, Descriptor descriptor, ImageLayout layout) throws IOException {
        return downloads.fetch(repository, descriptor, layout);
    }

    /**
     * Opens a blob for reading from {@code offset}, unverified; the caller verifies.
     *
     * @param repository the repository
     * @param digest     the blob
     * @param offset     the first byte wanted
     * @return the stream
     * @throws IOException when the registry refuses
     */
    public java.io.InputStream openBlob(Reference repository, Digest digest, long offset) throws IOException {
        return downloads.open(repository, digest, offset);
    }

    /**
     * Uploads a blob unless the repository has it: monolithic up to the threshold, chunked beyond,
     * resuming an interrupted upload at the offset the registry reports.
     *
     * @param repository the repository
     * @param descriptor the blob's digest and size
     * @param source     the bytes
     * @return true when uploaded, false when the registry had it
     * @throws IOException when the registry refuses
     */
    public boolean pushBlob(Reference repository, Descriptor descriptor, BlobSource source) throws IOException {
        return uploads.push(repository, descriptor, source, null);
    }

    /**
     * Mounts a blob from another repository of the same registry ({@code mount} and {@code from}),
     * uploading it from {@code source} when the registry does not mount.
     *
     * @param repository     the target repository
     * @param descriptor     the blob
     * @param fromRepository the repository that has it
     * @param source         the bytes, for when mounting is refused
     * @return true when the blob was mounted or uploaded, false when the target had it
     * @throws IOException when the registry refuses
     */
    public boolean mountBlob(Reference repository, Descriptor descriptor, String fromRepository, BlobSource source)
            throws IOException {
        return uploads.push(repository, descriptor, source, Objects.requireNonNull(fromRepository, "fromRepository"));
    }

    /**
     * The repository's tags, every page ({@code n}, {@code last}, {@code Link}), sorted and without duplicates.
     *
     * @param repository the repository
     * @return the tags
     * @throws IOException when the registry refuses
     */
    public List<String> tags(Reference repository) throws IOException {
        return manifests.tags(repository);
    }

    /**
     * The registry's repositories ({@code GET /v2/_catalog}, every page), sorted.
     *
     * @param registry the registry
     * @return the repository names
     * @throws IOException when the registry refuses
     */
    public List<String> catalog(String registry) throws IOException {
        return manifests.catalog(registry);
    }

    /**
     * The referrers of a manifest (distribution-spec "Listing Referrers"), from the referrers API or,
     * when the registry has none (404), from the fallback tag {@code <alg>-<hex>}.
     *
     * @param repository   the repository
     * @param subject      the manifest referred to
     * @param artifactType only referrers of this type, or empty for all
     * @return an index of referrer descriptors, empty when there are none
     * @throws IOException when the registry refuses
     */
    public ImageIndex referrers(Reference repository, Digest subject, Optional<MediaType> artifactType)
            throws IOException {
        return manifests.referrers(repository, subject, artifactType);
    }

    /**
     * Deletes a manifest by digest, or a tag by name where the registry supports it.
     *
     * @param reference the manifest's reference with a digest, or a tag
     * @throws IOException when the registry refuses ({@code UNSUPPORTED}, ...)
     */
    public void deleteManifest(Reference reference) throws IOException {
        manifests.delete(reference);
    }

    /**
     * Deletes a blob.
     *
     * @param repository the repository
     * @param digest     the blob
     * @throws IOException when the registry refuses
     */
    public void deleteBlob(Reference repository, Digest digest) throws IOException {
        uploads.delete(repository, digest);
    }

    private static SSLContext trustAll() throws java.security.GeneralSecurityException {
        // Only for registries named insecure (--tls-verify=false): an X509ExtendedTrustManager that
        // accepts everything also skips the host name check, which the JDK does inside trust managers.
        TrustManager tm = new X509ExtendedTrustManager() {
            @Override public void checkClientTrusted(X509Certificate[] c, String a, java.net.Socket s) { }
            @Override public void checkServerTrusted(X509Certificate[] c, String a, java.net.Socket s) { }
            @Override public void checkClientTrusted(X509Certificate[] c, String a, SSLEngine e) { }
            @Override public void checkServerTrusted(X509Certificate[] c, String a, SSLEngine e) { }
            @Override public void checkClientTrusted(X509Certificate[] c, String a) { }
            @Override public void checkServerTrusted(X509Certificate[] c, String a) { }
            @Override public X509Certificate[] getAcceptedIssuers() {
                return new X509Certificate[0];
            }
        };
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(null, new TrustManager[] {tm}, new SecureRandom());
        return ctx;
    }

    /** Builds a {@link RegistryClient}. */
    public static final class Builder {
        private CredentialProvider credentials = CredentialProvider.anonymous();
        private final Set<String> insecure = new HashSet<>();
        private int maxConcurrentDownloads = 3;
        private long chunkSize = 16L * 1024 * 1024;
        private long monolithicMax = 16L * 1024 * 1024;
        private int maxAttempts = 4;
        private Duration backoff = Duration.ofMillis(500);
        private Duration maxRetryAfter = Duration.ofSeconds(60);
        private Duration connectTimeout = Duration.ofSeconds(30);
        private TransferListener listener = TransferListener.NONE;
        private String userAgent = "oci4j";

        private Builder() {
        }

        /**
         * Where credentials come from; anonymous by default.
         *
         * @param credentials where credentials come from
         * @return this builder
         */
        public Builder credentials(CredentialProvider credentials) {
            this.credentials = Objects.requireNonNull(credentials, "credentials");
            return this;
        }

        /**
         * Whether to verify TLS for one registry (skopeo's {@code --tls-verify}). With {@code false}
         * the registry is reached over HTTPS without verification, or plain HTTP when it has no TLS.
         * Loopback registries are insecure regardless, as Docker has it: plain HTTP, or HTTPS without
         * verification when they give no HTTP answer to plain HTTP.
         *
         * @param registry the registry, as references name it
         * @param verify   false to skip verification
         * @return this builder
         */
        public Builder tlsVerify(String registry, boolean verify) {
            Objects.requireNonNull(registry, "registry");
            if (verify) {
                insecure.remove(registry);
            } else {
                insecure.add(registry);
            }
            return this;
        }

        /**
         * How many blobs download at once; 3 by default, as Docker does.
         *
         * @param n how many blobs at once, at least 1
         * @return this builder
         */
        public Builder maxConcurrentDownloads(int n) {
            if (n < 1) {
                throw new IllegalArgumentException("maxConcurrentDownloads must be at least 1, found " + n);
            }
            this.maxConcurrentDownloads = n;
            return this;
        }

        /**
         * The PATCH chunk size for chunked uploads, raised to a registry's {@code OCI-Chunk-Min-Length}; 16 MiB by default.
         *
         * @param bytes the chunk size in bytes, at least 1
         * @return this builder
         */
        public Builder chunkSize(long bytes) {
            if (bytes < 1) {
                throw new IllegalArgumentException("chunkSize must be positive, found " + bytes);
            }
            this.chunkSize = bytes;
            return this;
        }

        /**
         * Blobs up to this size go in one PUT, larger ones in chunks; 16 MiB by default.
         *
         * @param bytes the largest blob sent in one request, in bytes
         * @return this builder
         */
        public Builder monolithicMax(long bytes) {
            if (bytes < 0) {
                throw new IllegalArgumentException("monolithicMax must not be negative, found " + bytes);
            }
            this.monolithicMax = bytes;
            return this;
        }

        /**
         * How often a retryable request is tried in all, at least 1; 4 by default.
         *
         * @param attempts attempts in all, at least 1
         * @return this builder
         */
        public Builder maxAttempts(int attempts) {
            if (attempts < 1) {
                throw new IllegalArgumentException("maxAttempts must be at least 1, found " + attempts);
            }
            this.maxAttempts = attempts;
            return this;
        }

        /**
         * The first retry's wait, doubled for each further one; 500 ms by default.
         *
         * @param backoff the first wait
         * @return this builder
         */
        public Builder backoff(Duration backoff) {
            this.backoff = Objects.requireNonNull(backoff, "backoff");
            return this;
        }

        /**
         * The longest {@code Retry-After} honoured; longer waits are cut to it. 60 s by default.
         *
         * @param max the longest wait honoured
         * @return this builder
         */
        public Builder maxRetryAfter(Duration max) {
            this.maxRetryAfter = Objects.requireNonNull(max, "maxRetryAfter");
            return this;
        }

        /**
         * The TCP connect timeout; 30 s by default.
         *
         * @param timeout the timeout
         * @return this builder
         */
        public Builder connectTimeout(Duration timeout) {
            this.connectTimeout = Objects.requireNonNull(timeout, "connectTimeout");
            return this;
        }

        /**
         * Receives per-blob progress; none by default.
         *
         * @param listener the listener, called from transfer threads
         * @return this builder
         */
        public Builder listener(TransferListener listener) {
            this.listener = Objects.requireNonNull(listener, "listener");
            return this;
        }

        /**
         * The {@code User-Agent}; {@code oci4j} by default.
         *
         * @param userAgent the header value
         * @return this builder
         */
        public Builder userAgent(String userAgent) {
            this.userAgent = Objects.requireNonNull(userAgent, "userAgent");
            return this;
        }

        /** {@return the client} */
        public RegistryClient build() {
            return new RegistryClient(this);
        }
    }
}
