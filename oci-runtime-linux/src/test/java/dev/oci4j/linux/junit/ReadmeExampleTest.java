package dev.oci4j.linux.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.oci4j.testing.TestEnvironment;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The README's JUnit 5 example, with this build's busybox image and a page written for it. */
@OciContainers
class ReadmeExampleTest {

    static final Path WWW = www();

    @Container
    static OciContainer web = OciContainer.fromLayout(TestImages.busybox(), "busybox")
            .command("busybox", "httpd", "-f", "-p", "80", "-h", "/www").addBind(WWW, "/www", true)
            .addPort(80).waitingFor(WaitStrategy.forPort(80));

    @BeforeAll
    static void checkMachine() {
        TestImages.requireNetworking(System.getProperty("oci4j.runtime", "runc"));
        TestEnvironment.requireRoot("containers");
    }

    @Test
    void servesTheIndexPage() throws Exception {
        var uri = URI.create("http://" + web.host() + ":" + web.hostPort(80) + "/");
        var r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals("hello\n", r.body());
    }

    private static Path www() {
        try {
            Path dir = Files.createTempDirectory("oci4j-www-");
            Files.writeString(dir.resolve("index.html"), "hello\n");
            dir.toFile().deleteOnExit();
            dir.resolve("index.html").toFile().deleteOnExit();
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
