package dev.oci4j.distribution.server;

import static dev.oci4j.distribution.server.Http.sha256;
import static dev.oci4j.distribution.server.Http.text;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The disk storage survives a restart: what was pushed is there, what was cut off is not. */
class DiskRestartTest {

    @TempDir
    Path dir;

    RegistryServer start() throws IOException {
        return RegistryServer.builder().storage(RegistryStorage.onDisk(dir)).start();
    }

    @Test
    void everythingPushedIsStillThereAfterARestart() throws IOException {
        String json;
        String blob;
        try (RegistryServer server = start()) {
            Http http = new Http(server.url());
            byte[] config = Http.utf8("{\"architecture\":\"amd64\",\"os\":\"linux\",\"rootfs\":{\"type\":\"layers\",\"diff_ids\":[]}}");
            byte[] layer = Http.utf8("a layer");
            blob = http.pushBlob("lib/app", layer);
            json = RegistryServerContract.image(http.pushBlob("lib/app", config), config.length, blob, layer.length, "");
            assertThat(http.putManifest("lib/app", "v1", RegistryServerContract.MANIFEST, json).statusCode()).isEqualTo(201);
        }
        try (RegistryServer server = start()) {
            Http http = new Http(server.url());
            HttpResponse<byte[]> m = http.get("/v2/lib/app/manifests/v1");
            assertThat(text(m)).isEqualTo(json);
            assertThat(m.headers().firstValue("Content-Type")).hasValue(RegistryServerContract.MANIFEST);
            assertThat(text(http.get("/v2/lib/app/blobs/" + blob))).isEqualTo("a layer");
            assertThat(text(http.get("/v2/lib/app/tags/list"))).isEqualTo("{\"name\":\"lib/app\",\"tags\":[\"v1\"]}");
            assertThat(text(http.get("/v2/_catalog"))).isEqualTo("{\"repositories\":[\"lib/app\"]}");
        }
    }

    @Test
    void anUploadCutOffMidwayLeavesNothingVisible() throws Exception {
        byte[] content = new byte[200_000];
        String location;
        try (RegistryServer server = start()) {
            Http http = new Http(server.url());
            location = http.send("POST", "/v2/cut/blobs/uploads/", null).headers().firstValue("Location").orElseThrow();
            try (Socket s = new Socket(server.host(), server.port())) {
                OutputStream out = s.getOutputStream();
                out.write(("PATCH " + location + " HTTP/1.1\r\nHost: " + server.hostPort()
                        + "\r\nContent-Type: application/octet-stream\r\nContent-Length: " + content.length + "\r\n\r\n")
                        .getBytes(StandardCharsets.US_ASCII));
                out.write(content, 0, content.length / 2);
                out.flush();
            }
            // The half chunk is cut back: the session still holds nothing.
            String range = "";
            for (int i = 0; i < 100; i++) {
                HttpResponse<byte[]> status = http.get(location);
                range = status.headers().firstValue("Range").orElse("");
                if (status.statusCode() == 204 && range.equals("0-0") && Files.size(uploadFile(location)) == 0) {
                    break;
                }
                Thread.sleep(50);
            }
            assertThat(range).isEqualTo("0-0");
            assertThat(Files.size(uploadFile(location))).isZero();
        }
        try (RegistryServer server = start()) {
            Http http = new Http(server.url());
            assertThat(http.get(location).statusCode()).isEqualTo(404);
            assertThat(http.get("/v2/cut/blobs/" + sha256(content)).statusCode()).isEqualTo(404);
            assertThat(text(http.get("/v2/_catalog"))).isEqualTo("{\"repositories\":[]}");
            try (Stream<Path> files = Files.list(dir.resolve("_uploads"))) {
                assertThat(files).isEmpty();
            }
        }
    }

    private Path uploadFile(String location) {
        return dir.resolve("_uploads").resolve(location.substring(location.lastIndexOf('/') + 1));
    }
}
