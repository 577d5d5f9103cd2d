package dev.oci4j.distribution.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oci4j.image.layout.ImageLayout;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DiskRegistryServerTest extends RegistryServerContract {

    @Override
    RegistryStorage storage(Path dir) throws IOException {
        return RegistryStorage.onDisk(dir);
    }

    @Test
    void nestedRepositoriesAreLayoutsInsideTheirParentsAndLayoutNamesAreEscaped() throws IOException {
        Path storage = tmp.resolve("storage");
        Map<String, String> dirs = Map.of("lib/app/web", "lib/app/web", "lib/app", "lib/app",
                "lib/app/blobs", "lib/app/_blobs", "lib/app/index.json", "lib/app/_index.json",
                "lib/oci-layout", "lib/_oci-layout");
        for (String repo : dirs.keySet()) {
            pushImage(repo, "v1", "");
        }
        for (Map.Entry<String, String> e : dirs.entrySet()) {
            ImageLayout layout = ImageLayout.open(storage.resolve(e.getValue()));
            assertThat(layout.tags()).as(e.getKey()).containsOnlyKeys("v1");
            // Every blob is there and verified; the only finding is the fixture's config listing no diff_ids.
            assertThat(layout.verify().errors()).as(e.getKey())
                    .allSatisfy(p -> assertThat(p.toString()).contains("diff_ids"));
        }
        // The parent, created after its child, holds nothing but its own layout and the child's directory.
        try (var entries = Files.list(storage.resolve("lib/app"))) {
            // Dot names are the layout's own lock and temp directory.
            assertThat(entries.map(p -> p.getFileName().toString()).filter(n -> !n.startsWith(".")))
                    .containsExactlyInAnyOrder("oci-layout", "index.json", "blobs", "web", "_blobs", "_index.json");
        }
        assertThat(storage.resolve("lib/oci-layout")).doesNotExist();
    }

    @Test
    void aMountIsAHardLinkNotACopy() throws IOException {
        String digest = http.pushBlob("lsrc", Http.utf8("linked, not copied"));
        assertThat(http.send("POST", "/v2/ldst/blobs/uploads/?mount=" + digest + "&from=lsrc", null).statusCode())
                .isEqualTo(201);
        Path blob = tmp.resolve("storage/ldst/blobs/" + digest.replace(':', '/'));
        assertThat(Files.getAttribute(blob, "unix:nlink")).isEqualTo(2);
    }
}
