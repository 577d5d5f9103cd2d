package dev.oci4j.distribution.server;

import static dev.oci4j.distribution.server.Http.sha256;
import static dev.oci4j.distribution.server.Http.sha512;
import static dev.oci4j.distribution.server.Http.text;
import static dev.oci4j.distribution.server.Http.utf8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.oci4j.distribution.DistributionJson;
import dev.oci4j.distribution.ErrorCode;
import dev.oci4j.image.ImageIndex;
import dev.oci4j.image.ImageJson;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every endpoint and error path of distribution-spec v1.1 over real HTTP, run against each storage. */
abstract class RegistryServerContract {

    static final String MANIFEST = "application/vnd.oci.image.manifest.v1+json";
    static final String INDEX = "application/vnd.oci.image.index.v1+json";

    @TempDir
    Path tmp;
    RegistryServer server;
    Http http;
    final List<String> log = new CopyOnWriteArrayList<>();

    abstract RegistryStorage storage(Path dir) throws IOException;

    @BeforeEach
    void start() throws IOException {
        server = RegistryServer.builder().storage(storage(tmp.resolve("storage"))).chunkMinLength(4)
                .requestLog(log::add).start();
        http = new Http(server.url());
    }

    @AfterEach
    void stop() {
        server.close();
    }

    static ErrorCode code(HttpResponse<byte[]> r) {
        return DistributionJson.standard().readErrorResponse(r.body()).errors().get(0).code();
    }

    static String image(String configDigest, int configSize, String layerDigest, int layerSize, String extra) {
        return "{\"schemaVersion\":2,\"mediaType\":\"" + MANIFEST + "\",\"config\":{\"mediaType\":"
                + "\"application/vnd.oci.image.config.v1+json\",\"digest\":\"" + configDigest + "\",\"size\":" + configSize
                + "},\"layers\":[{\"mediaType\":\"application/vnd.oci.image.layer.v1.tar\",\"digest\":\"" + layerDigest
                + "\",\"size\":" + layerSize + "}]" + extra + "}";
    }

    /** Pushes a config and a layer, then a manifest naming them; returns the manifest's JSON. */
    String pushImage(String repo, String tag, String extra) throws IOException {
        byte[] config = utf8("{\"architecture\":\"amd64\",\"os\":\"linux\",\"rootfs\":{\"type\":\"layers\",\"diff_ids\":[]},\"n\":\""
                + tag + extra.length() + "\"}");
        byte[] layer = utf8("layer of " + repo + ":" + tag);
        String json = image(http.pushBlob(repo, config), config.length, http.pushBlob(repo, layer), layer.length, extra);
        assertThat(http.putManifest(repo, tag, MANIFEST, json).statusCode()).isEqualTo(201);
        return json;
    }

    @Test
    void baseEndpointAnswers200() throws Exception {
        HttpResponse<byte[]> r = http.get("/v2/");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Docker-Distribution-API-Version")).hasValue("registry/2.0");
        // The line is written once the exchange is closed, which may be after the client has its answer.
        for (int i = 0; i < 100 && log.isEmpty(); i++) {
            Thread.sleep(20);
        }
        assertThat(log).anyMatch(l -> l.matches("GET /v2/ 200 2 \\d+ms"));
    }

    @Test
    void monolithicPushIsPulledBackWithItsDigest() throws IOException {
        byte[] blob = utf8("hello, registry");
        String digest = sha256(blob);
        HttpResponse<byte[]> put = http.send("POST", "/v2/a/b/blobs/uploads/?digest=" + digest, blob);
        assertThat(put.statusCode()).isEqualTo(201);
        assertThat(put.headers().firstValue("Location")).hasValue("/v2/a/b/blobs/" + digest);
        HttpResponse<byte[]> get = http.get("/v2/a/b/blobs/" + digest);
        assertThat(get.statusCode()).isEqualTo(200);
        assertThat(get.body()).isEqualTo(blob);
        assertThat(get.headers().firstValue("Docker-Content-Digest")).hasValue(digest);
        HttpResponse<byte[]> head = http.send("HEAD", "/v2/a/b/blobs/" + digest, null);
        assertThat(head.statusCode()).isEqualTo(200);
        assertThat(head.headers().firstValue("Content-Length")).hasValue(Integer.toString(blob.length));
        assertThat(head.body()).isEmpty();
    }

    @Test
    void monolithicPushWithTheWrongDigestIsDigestInvalidAndStoresNothing() throws IOException {
        String wrong = sha256(utf8("other"));
        HttpResponse<byte[]> r = http.send("POST", "/v2/a/blobs/uploads/?digest=" + wrong, utf8("content"));
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(code(r)).isEqualTo(ErrorCode.DIGEST_INVALID);
        assertThat(http.get("/v2/a/blobs/" + wrong).statusCode()).isEqualTo(404);
    }

    @Test
    void rangeRequestsAnswer206AndOutOfRangeAnswers416() throws IOException {
        byte[] blob = utf8("0123456789");
        String digest = http.pushBlob("r", blob);
        HttpResponse<byte[]> part = http.get("/v2/r/blobs/" + digest, "Range", "bytes=2-5");
        assertThat(part.statusCode()).isEqualTo(206);
        assertThat(text(part)).isEqualTo("2345");
        assertThat(part.headers().firstValue("Content-Range")).hasValue("bytes 2-5/10");
        assertThat(text(http.get("/v2/r/blobs/" + digest, "Range", "bytes=7-"))).isEqualTo("789");
        assertThat(text(http.get("/v2/r/blobs/" + digest, "Range", "bytes=-2"))).isEqualTo("89");
        HttpResponse<byte[]> outside = http.get("/v2/r/blobs/" + digest, "Range", "bytes=10-");
        assertThat(outside.statusCode()).isEqualTo(416);
        assertThat(outside.headers().firstValue("Content-Range")).hasValue("bytes */10");
    }

    @Test
    void unknownBlobIs404BlobUnknown() throws IOException {
        HttpResponse<byte[]> r = http.get("/v2/a/blobs/" + sha256(utf8("x")));
        assertThat(r.statusCode()).isEqualTo(404);
        assertThat(code(r)).isEqualTo(ErrorCode.BLOB_UNKNOWN);
        assertThat(r.headers().firstValue("Content-Type")).hasValue("application/json");
    }

    @Test
    void chunksInOrderMakeTheBlobAndOutOfOrderOrOverlappingAre416() throws IOException {
        HttpResponse<byte[]> post = http.send("POST", "/v2/c/blobs/uploads/", null);
        assertThat(post.statusCode()).isEqualTo(202);
        assertThat(post.headers().firstValue("Range")).hasValue("0-0");
        assertThat(post.headers().firstValue("OCI-Chunk-Min-Length")).hasValue("4");
        String location = post.headers().firstValue("Location").orElseThrow();
        HttpResponse<byte[]> first = http.send("PATCH", location, utf8("abcd"), "Content-Range", "0-3",
                "Content-Type", "application/octet-stream");
        assertThat(first.statusCode()).isEqualTo(202);
        assertThat(first.headers().firstValue("Range")).hasValue("0-3");
        location = first.headers().firstValue("Location").orElseThrow();

        HttpResponse<byte[]> gap = http.send("PATCH", location, utf8("ijkl"), "Content-Range", "8-11");
        assertThat(gap.statusCode()).isEqualTo(416);
        assertThat(gap.headers().firstValue("Range")).hasValue("0-3");
        HttpResponse<byte[]> overlap = http.send("PATCH", location, utf8("cdef"), "Content-Range", "2-5");
        assertThat(overlap.statusCode()).isEqualTo(416);
        assertThat(overlap.headers().firstValue("Range")).hasValue("0-3");

        assertThat(http.send("PATCH", location, utf8("efgh"), "Content-Range", "4-7").statusCode()).isEqualTo(202);
        HttpResponse<byte[]> status = http.get(location);
        assertThat(status.statusCode()).isEqualTo(204);
        assertThat(status.headers().firstValue("Range")).hasValue("0-7");
        assertThat(status.headers().firstValue("Location")).hasValue(location);

        String digest = sha256(utf8("abcdefgh"));
        HttpResponse<byte[]> done = http.send("PUT", location + "?digest=" + digest, null);
        assertThat(done.statusCode()).isEqualTo(201);
        assertThat(done.headers().firstValue("Docker-Content-Digest")).hasValue(digest);
        assertThat(text(http.get("/v2/c/blobs/" + digest))).isEqualTo("abcdefgh");
        assertThat(server.openUploads()).isZero();
    }

    @Test
    void closingPutMayCarryTheLastChunk() throws IOException {
        String location = http.send("POST", "/v2/c/blobs/uploads/", null).headers().firstValue("Location").orElseThrow();
        location = http.send("PATCH", location, utf8("abcd")).headers().firstValue("Location").orElseThrow();
        String digest = sha256(utf8("abcdef"));
        assertThat(http.send("PUT", location + "?digest=" + digest, utf8("ef"), "Content-Range", "4-5").statusCode())
                .isEqualTo(201);
        assertThat(text(http.get("/v2/c/blobs/" + digest))).isEqualTo("abcdef");
    }

    @Test
    void closingPutWithTheWrongDigestIsDigestInvalidAndNothingIsStored() throws IOException {
        String location = http.send("POST", "/v2/c/blobs/uploads/", null).headers().firstValue("Location").orElseThrow();
        http.send("PATCH", location, utf8("abcd"));
        String wrong = sha256(utf8("abce"));
        HttpResponse<byte[]> r = http.send("PUT", location + "?digest=" + wrong, null);
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(code(r)).isEqualTo(ErrorCode.DIGEST_INVALID);
        assertThat(http.get("/v2/c/blobs/" + wrong).statusCode()).isEqualTo(404);
        assertThat(http.get("/v2/c/blobs/" + sha256(utf8("abcd"))).statusCode()).isEqualTo(404);
        assertThat(server.openUploads()).isZero();
    }

    @Test
    void cancelledUploadIsUnknownAfterwards() throws IOException {
        String location = http.send("POST", "/v2/c/blobs/uploads/", null).headers().firstValue("Location").orElseThrow();
        assertThat(http.send("DELETE", location, null).statusCode()).isEqualTo(204);
        HttpResponse<byte[]> r = http.get(location);
        assertThat(r.statusCode()).isEqualTo(404);
        assertThat(code(r)).isEqualTo(ErrorCode.BLOB_UPLOAD_UNKNOWN);
        assertThat(code(http.send("PATCH", location, utf8("x")))).isEqualTo(ErrorCode.BLOB_UPLOAD_UNKNOWN);
    }

    @Test
    void uploadOfAnotherRepositoryIsUnknown() throws IOException {
        String location = http.send("POST", "/v2/c/blobs/uploads/", null).headers().firstValue("Location").orElseThrow();
        assertThat(http.get(location.replace("/v2/c/", "/v2/d/")).statusCode()).isEqualTo(404);
    }

    @Test
    void mountFromAnotherRepositoryAnswers201AndUnknownBlobsOpenASession() throws IOException {
        String digest = http.pushBlob("src", utf8("shared"));
        HttpResponse<byte[]> mounted = http.send("POST", "/v2/dst/blobs/uploads/?mount=" + digest + "&from=src", null);
        assertThat(mounted.statusCode()).isEqualTo(201);
        assertThat(mounted.headers().firstValue("Location")).hasValue("/v2/dst/blobs/" + digest);
        assertThat(text(http.get("/v2/dst/blobs/" + digest))).isEqualTo("shared");
        assertThat(http.send("POST", "/v2/any/blobs/uploads/?mount=" + digest, null).statusCode()).isEqualTo(201);
        HttpResponse<byte[]> unknown = http.send("POST", "/v2/dst2/blobs/uploads/?mount=" + sha256(utf8("no")) + "&from=src", null);
        assertThat(unknown.statusCode()).isEqualTo(202);
        assertThat(unknown.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).startsWith("/v2/dst2/blobs/uploads/"));
    }

    @Test
    void aMountedBlobSurvivesItsDeletionFromTheSourceRepository() throws IOException {
        // A chunked upload (adopted file) and a monolithic one (streamed put) take different paths into storage.
        byte[] chunked = utf8("mounted after a chunked upload");
        String location = http.send("POST", "/v2/msrc/blobs/uploads/", null).headers().firstValue("Location").orElseThrow();
        String digest1 = sha256(chunked);
        assertThat(http.send("PUT", location + (location.contains("?") ? "&" : "?") + "digest=" + digest1, chunked,
                "Content-Type", "application/octet-stream").statusCode()).isEqualTo(201);
        String digest2 = http.pushBlob("msrc", utf8("mounted after a monolithic push"));
        for (String digest : List.of(digest1, digest2)) {
            assertThat(http.send("POST", "/v2/mdst/blobs/uploads/?mount=" + digest + "&from=msrc", null).statusCode())
                    .isEqualTo(201);
            assertThat(http.send("DELETE", "/v2/msrc/blobs/" + digest, null).statusCode()).isEqualTo(202);
            assertThat(http.get("/v2/msrc/blobs/" + digest).statusCode()).isEqualTo(404);
            HttpResponse<byte[]> kept = http.get("/v2/mdst/blobs/" + digest);
            assertThat(kept.statusCode()).isEqualTo(200);
            assertThat(sha256(kept.body())).isEqualTo(digest);
        }
    }

    @Test
    void deletedBlobIsGone() throws IOException {
        String digest = http.pushBlob("d", utf8("bye"));
        assertThat(http.send("DELETE", "/v2/d/blobs/" + digest, null).statusCode()).isEqualTo(202);
        assertThat(http.get("/v2/d/blobs/" + digest).statusCode()).isEqualTo(404);
        HttpResponse<byte[]> again = http.send("DELETE", "/v2/d/blobs/" + digest, null);
        assertThat(again.statusCode()).isEqualTo(404);
        assertThat(code(again)).isEqualTo(ErrorCode.BLOB_UNKNOWN);
    }

    @Test
    void sha512BlobsAndManifestsAreVerifiedAndServed() throws IOException {
        byte[] blob = utf8("sha512 content");
        String digest = sha512(blob);
        assertThat(http.send("POST", "/v2/s/blobs/uploads/?digest=" + digest, blob).statusCode()).isEqualTo(201);
        assertThat(http.get("/v2/s/blobs/" + digest).body()).isEqualTo(blob);
        String json = image(digest, blob.length, digest, blob.length, "");
        String manifestDigest = sha512(utf8(json));
        HttpResponse<byte[]> put = http.putManifest("s", manifestDigest, MANIFEST, json);
        assertThat(put.statusCode()).isEqualTo(201);
        assertThat(put.headers().firstValue("Docker-Content-Digest")).hasValue(manifestDigest);
        assertThat(text(http.get("/v2/s/manifests/" + manifestDigest))).isEqualTo(json);
    }

    @Test
    void unsupportedOrMalformedDigestsAreDigestInvalid() throws IOException {
        HttpResponse<byte[]> r = http.get("/v2/a/blobs/md5:abc");
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(code(r)).isEqualTo(ErrorCode.DIGEST_INVALID);
        assertThat(code(http.get("/v2/a/blobs/sha256:XYZ"))).isEqualTo(ErrorCode.DIGEST_INVALID);
    }

    @Test
    void manifestIsServedByTagAndDigestWithItsMediaType() throws IOException {
        String json = pushImage("m", "v1", "");
        String digest = sha256(utf8(json));
        for (String ref : List.of("v1", digest)) {
            HttpResponse<byte[]> r = http.get("/v2/m/manifests/" + ref, "Accept", MANIFEST);
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(text(r)).isEqualTo(json);
            assertThat(r.headers().firstValue("Content-Type")).hasValue(MANIFEST);
            assertThat(r.headers().firstValue("Docker-Content-Digest")).hasValue(digest);
        }
        HttpResponse<byte[]> head = http.send("HEAD", "/v2/m/manifests/v1", null);
        assertThat(head.statusCode()).isEqualTo(200);
        assertThat(head.headers().firstValue("Content-Length")).hasValue(Integer.toString(utf8(json).length));
        assertThat(head.headers().firstValue("Docker-Content-Digest")).hasValue(digest);
    }

    @Test
    void manifestPutAnswersLocationAndDigest() throws IOException {
        byte[] layer = utf8("l");
        String json = image(http.pushBlob("p", layer), 1, http.pushBlob("p", layer), 1, "");
        HttpResponse<byte[]> r = http.putManifest("p", "latest", MANIFEST, json);
        assertThat(r.statusCode()).isEqualTo(201);
        assertThat(r.headers().firstValue("Location")).hasValue("/v2/p/manifests/" + sha256(utf8(json)));
        assertThat(r.headers().firstValue("Docker-Content-Digest")).hasValue(sha256(utf8(json)));
        assertThat(r.headers().firstValue("OCI-Subject")).isEmpty();
    }

    @Test
    void manifestReferencingAMissingBlobIsManifestBlobUnknown() throws IOException {
        String config = http.pushBlob("p", utf8("{}"));
        HttpResponse<byte[]> r = http.putManifest("p", "x", MANIFEST, image(config, 2, sha256(utf8("missing")), 7, ""));
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(code(r)).isEqualTo(ErrorCode.MANIFEST_BLOB_UNKNOWN);
        assertThat(http.get("/v2/p/manifests/x").statusCode()).isEqualTo(404);
    }

    @Test
    void indexReferencingAMissingManifestIsManifestBlobUnknown() throws IOException {
        String json = "{\"schemaVersion\":2,\"mediaType\":\"" + INDEX + "\",\"manifests\":[{\"mediaType\":\"" + MANIFEST
                + "\",\"digest\":\"" + sha256(utf8("nope")) + "\",\"size\":4}]}";
        assertThat(code(http.putManifest("i", "x", INDEX, json))).isEqualTo(ErrorCode.MANIFEST_BLOB_UNKNOWN);
    }

    @Test
    void manifestPutByTheWrongDigestIsDigestInvalid() throws IOException {
        String json = pushImage("p", "a", "");
        HttpResponse<byte[]> r = http.putManifest("p", sha256(utf8("other")), MANIFEST, json);
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(code(r)).isEqualTo(ErrorCode.DIGEST_INVALID);
    }

    @Test
    void manifestNotJsonOrOfAnotherTypeIsManifestInvalid() throws IOException {
        assertThat(code(http.putManifest("p", "a", MANIFEST, "not json"))).isEqualTo(ErrorCode.MANIFEST_INVALID);
        String json = pushImage("p", "b", "");
        assertThat(code(http.putManifest("p", "c", INDEX, json))).isEqualTo(ErrorCode.MANIFEST_INVALID);
    }

    @Test
    void manifestOverFourMebibytesIs413() throws IOException {
        String big = "{\"schemaVersion\":2,\"annotations\":{\"a\":\"" + "x".repeat(4 * 1024 * 1024) + "\"}}";
        HttpResponse<byte[]> r = http.putManifest("p", "big", MANIFEST, big);
        assertThat(r.statusCode()).isEqualTo(413);
        assertThat(code(r)).isEqualTo(ErrorCode.SIZE_INVALID);
    }

    @Test
    void badTagOrNameIsRefused() throws IOException {
        String json = pushImage("p", "ok", "");
        HttpResponse<byte[]> tag = http.putManifest("p", "-bad", MANIFEST, json);
        assertThat(tag.statusCode()).isEqualTo(400);
        assertThat(code(tag)).isEqualTo(ErrorCode.MANIFEST_INVALID);
        HttpResponse<byte[]> name = http.get("/v2/Upper/tags/list");
        assertThat(name.statusCode()).isEqualTo(400);
        assertThat(code(name)).isEqualTo(ErrorCode.NAME_INVALID);
        assertThat(code(http.get("/v2/a//b/manifests/x"))).isEqualTo(ErrorCode.NAME_INVALID);
    }

    @Test
    void deletingATagKeepsTheManifestAndDeletingTheDigestRemovesBoth() throws IOException {
        String json = pushImage("del", "t1", "");
        String digest = sha256(utf8(json));
        assertThat(http.putManifest("del", "t2", MANIFEST, json).statusCode()).isEqualTo(201);
        assertThat(http.send("DELETE", "/v2/del/manifests/t1", null).statusCode()).isEqualTo(202);
        assertThat(http.get("/v2/del/manifests/t1").statusCode()).isEqualTo(404);
        assertThat(http.get("/v2/del/manifests/" + digest).statusCode()).isEqualTo(200);
        assertThat(http.send("DELETE", "/v2/del/manifests/" + digest, null).statusCode()).isEqualTo(202);
        HttpResponse<byte[]> gone = http.get("/v2/del/manifests/t2");
        assertThat(gone.statusCode()).isEqualTo(404);
        assertThat(code(gone)).isEqualTo(ErrorCode.MANIFEST_UNKNOWN);
        assertThat(http.get("/v2/del/manifests/" + digest).statusCode()).isEqualTo(404);
        assertThat(code(http.send("DELETE", "/v2/del/manifests/" + digest, null))).isEqualTo(ErrorCode.MANIFEST_UNKNOWN);
    }

    @Test
    void movingATagLeavesTheOldManifestReachableByDigest() throws IOException {
        String first = pushImage("mv", "t", "");
        pushImage("mv", "t", ",\"annotations\":{\"v\":\"2\"}");
        assertThat(http.get("/v2/mv/manifests/" + sha256(utf8(first))).statusCode()).isEqualTo(200);
        assertThat(text(http.get("/v2/mv/tags/list"))).isEqualTo("{\"name\":\"mv\",\"tags\":[\"t\"]}");
    }

    @Test
    void tagsAreSortedAndPagedWithALink() throws IOException {
        String json = pushImage("t", "c", "");
        for (String tag : List.of("a", "B", "b")) {
            http.putManifest("t", tag, MANIFEST, json);
        }
        assertThat(text(http.get("/v2/t/tags/list"))).isEqualTo("{\"name\":\"t\",\"tags\":[\"B\",\"a\",\"b\",\"c\"]}");
        HttpResponse<byte[]> page = http.get("/v2/t/tags/list?n=2");
        assertThat(text(page)).isEqualTo("{\"name\":\"t\",\"tags\":[\"B\",\"a\"]}");
        assertThat(page.headers().firstValue("Link")).hasValue("</v2/t/tags/list?n=2&last=a>; rel=\"next\"");
        HttpResponse<byte[]> rest = http.get("/v2/t/tags/list?n=2&last=a");
        assertThat(text(rest)).isEqualTo("{\"name\":\"t\",\"tags\":[\"b\",\"c\"]}");
        assertThat(rest.headers().firstValue("Link")).isEmpty();
        assertThat(text(http.get("/v2/t/tags/list?n=0"))).isEqualTo("{\"name\":\"t\",\"tags\":[]}");
        HttpResponse<byte[]> unknown = http.get("/v2/none/tags/list");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(code(unknown)).isEqualTo(ErrorCode.NAME_UNKNOWN);
    }

    @Test
    void catalogIsSortedAndPaged() throws IOException {
        for (String repo : List.of("zz", "aa/bb", "mm")) {
            pushImage(repo, "t", "");
        }
        assertThat(text(http.get("/v2/_catalog"))).isEqualTo("{\"repositories\":[\"aa/bb\",\"mm\",\"zz\"]}");
        HttpResponse<byte[]> page = http.get("/v2/_catalog?n=1&last=aa/bb");
        assertThat(text(page)).isEqualTo("{\"repositories\":[\"mm\"]}");
        assertThat(page.headers().firstValue("Link")).hasValue("</v2/_catalog?n=1&last=mm>; rel=\"next\"");
    }

    @Test
    void referrersAreListedAndFilteredByArtifactType() throws IOException {
        String subject = pushImage("ref", "base", "");
        String subjectDigest = sha256(utf8(subject));
        String subjectRef = ",\"subject\":{\"mediaType\":\"" + MANIFEST + "\",\"digest\":\"" + subjectDigest + "\",\"size\":"
                + utf8(subject).length + "}";
        String empty = "{\"mediaType\":\"application/vnd.oci.empty.v1+json\",\"digest\":"
                + "\"sha256:44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a\",\"size\":2}";
        http.pushBlob("ref", utf8("{}"));
        String sbom = "{\"schemaVersion\":2,\"mediaType\":\"" + MANIFEST + "\",\"artifactType\":\"application/spdx+json\","
                + "\"config\":" + empty + ",\"layers\":[" + empty + "]" + subjectRef + ",\"annotations\":{\"k\":\"v\"}}";
        HttpResponse<byte[]> put = http.putManifest("ref", sha256(utf8(sbom)), MANIFEST, sbom);
        assertThat(put.statusCode()).isEqualTo(201);
        assertThat(put.headers().firstValue("OCI-Subject")).hasValue(subjectDigest);
        String sig = pushImage("ref", "sig", subjectRef);

        HttpResponse<byte[]> all = http.get("/v2/ref/referrers/" + subjectDigest);
        assertThat(all.statusCode()).isEqualTo(200);
        assertThat(all.headers().firstValue("Content-Type")).hasValue(INDEX);
        ImageIndex index = ImageJson.readIndex(all.body());
        assertThat(index.manifests()).extracting(d -> d.digest().toString())
                .containsExactlyInAnyOrder(sha256(utf8(sbom)), sha256(utf8(sig)));
        assertThat(index.manifests()).filteredOn(d -> d.digest().toString().equals(sha256(utf8(sbom))))
                .singleElement().satisfies(d -> {
                    assertThat(d.artifactType().orElseThrow().value()).isEqualTo("application/spdx+json");
                    assertThat(d.annotations()).containsEntry("k", "v");
                });
        assertThat(all.headers().firstValue("OCI-Filters-Applied")).isEmpty();

        HttpResponse<byte[]> filtered = http.get("/v2/ref/referrers/" + subjectDigest + "?artifactType=application/spdx%2Bjson");
        assertThat(filtered.headers().firstValue("OCI-Filters-Applied")).hasValue("artifactType");
        assertThat(ImageJson.readIndex(filtered.body()).manifests()).singleElement()
                .satisfies(d -> assertThat(d.digest().toString()).isEqualTo(sha256(utf8(sbom))));

        HttpResponse<byte[]> none = http.get("/v2/ref/referrers/" + sha256(utf8("nothing")));
        assertThat(none.statusCode()).isEqualTo(200);
        assertThat(ImageJson.readIndex(none.body()).manifests()).isEmpty();
    }

    @Test
    void unknownEndpointsAndMethodsAreRefused() throws IOException {
        assertThat(http.get("/v2/a/nothing/here").statusCode()).isEqualTo(404);
        assertThat(http.send("POST", "/v2/a/manifests/x", null).statusCode()).isEqualTo(405);
    }

    @Test
    void manifestIsServedOnlyWhenAcceptListsItsTypeOrAWildcard() throws IOException {
        String json = pushImage("neg", "v1", "");
        String docker = "application/vnd.docker.distribution.manifest.v2+json";
        for (String accept : List.of(MANIFEST, docker + ", " + MANIFEST, docker + "," + MANIFEST + ";q=0.5",
                "*/*", "application/*", "APPLICATION/VND.OCI.IMAGE.MANIFEST.V1+JSON")) {
            HttpResponse<byte[]> r = http.get("/v2/neg/manifests/v1", "Accept", accept);
            assertThat(r.statusCode()).as(accept).isEqualTo(200);
            assertThat(text(r)).isEqualTo(json);
            assertThat(r.headers().firstValue("Content-Type")).hasValue(MANIFEST);
        }
        assertThat(http.get("/v2/neg/manifests/v1").statusCode()).as("no Accept at all").isEqualTo(200);
        assertThat(http.get("/v2/neg/manifests/v1", "Accept", docker, "Accept", MANIFEST).statusCode())
                .as("two Accept lines").isEqualTo(200);
        for (String accept : List.of(docker, INDEX, MANIFEST + ";q=0", "*/*, " + MANIFEST + "; q=0", "text/*")) {
            HttpResponse<byte[]> r = http.get("/v2/neg/manifests/v1", "Accept", accept);
            assertThat(r.statusCode()).as(accept).isEqualTo(404);
            assertThat(code(r)).isEqualTo(ErrorCode.MANIFEST_UNKNOWN);
            assertThat(text(r)).contains(MANIFEST, "Accept");
            assertThat(http.send("HEAD", "/v2/neg/manifests/" + sha256(utf8(json)), null, "Accept", accept).statusCode())
                    .as("HEAD " + accept).isEqualTo(404);
        }
    }

    @Test
    void aChunkAfterOneShorterThanTheMinimumIs416AndTheShortOneMayEndTheUpload() throws IOException {
        String location = http.send("POST", "/v2/c/blobs/uploads/", null).headers().firstValue("Location").orElseThrow();
        HttpResponse<byte[]> shortChunk = http.send("PATCH", location, utf8("ab"), "Content-Range", "0-1");
        assertThat(shortChunk.statusCode()).isEqualTo(202);
        location = shortChunk.headers().firstValue("Location").orElseThrow();
        HttpResponse<byte[]> next = http.send("PATCH", location, utf8("cdef"), "Content-Range", "2-5");
        assertThat(next.statusCode()).isEqualTo(416);
        assertThat(next.headers().firstValue("Range")).hasValue("0-1");
        assertThat(text(next)).contains("OCI-Chunk-Min-Length 4");
        HttpResponse<byte[]> putWithChunk = http.send("PUT", location + "?digest=" + sha256(utf8("abcdef")), utf8("cdef"),
                "Content-Range", "2-5");
        assertThat(putWithChunk.statusCode()).isEqualTo(416);
        assertThat(server.openUploads()).as("a 416 leaves the session open").isEqualTo(1);
        String digest = sha256(utf8("ab"));
        assertThat(http.send("PUT", location + "?digest=" + digest, null).statusCode()).isEqualTo(201);
        assertThat(text(http.get("/v2/c/blobs/" + digest))).isEqualTo("ab");

        // Chunks of at least the minimum, then a short last one, then the closing PUT: all accepted.
        location = http.send("POST", "/v2/c/blobs/uploads/", null).headers().firstValue("Location").orElseThrow();
        location = http.send("PATCH", location, utf8("abcd"), "Content-Range", "0-3").headers().firstValue("Location").orElseThrow();
        location = http.send("PATCH", location, utf8("efghi"), "Content-Range", "4-8").headers().firstValue("Location").orElseThrow();
        HttpResponse<byte[]> last = http.send("PATCH", location, utf8("j"), "Content-Range", "9-9");
        assertThat(last.statusCode()).isEqualTo(202);
        assertThat(http.send("PUT", location + "?digest=" + sha256(utf8("abcdefghij")), null).statusCode()).isEqualTo(201);
    }

    @Test
    void nestedNamesAndNamesALayoutUsesForItselfAreIndependentRepositories() throws IOException {
        // Parents before and after their children, and components named as a layout's own files.
        List<String> repos = List.of("n/a/b", "n/a", "n/a/blobs", "n/a/index.json", "n/a/oci-layout", "n/a/blobs/sha256",
                "n/x", "n/x/b/c");
        for (String repo : repos) {
            pushImage(repo, "t", ",\"annotations\":{\"repo\":\"" + repo + "\"}");
        }
        for (String repo : repos) {
            String json = text(http.get("/v2/" + repo + "/manifests/t", "Accept", MANIFEST));
            assertThat(json).as(repo).endsWith("{\"repo\":\"" + repo + "\"}}");
            assertThat(text(http.get("/v2/" + repo + "/tags/list"))).isEqualTo("{\"name\":\"" + repo + "\",\"tags\":[\"t\"]}");
        }
        assertThat(DistributionJson.standard().readCatalog(http.get("/v2/_catalog").body()).repositories())
                .containsExactlyElementsOf(repos.stream().sorted().toList());
        assertThat(http.get("/v2/n/manifests/t").statusCode()).isEqualTo(404);
    }
}
