package dev.oci4j.image.layout;

import dev.oci4j.image.Annotations;
import static org.assertj.core.api.Assertions.assertThat;

import dev.oci4j.image.Descriptor;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConcurrentTaggingTest {

    @TempDir
    Path dir;

    @Test
    void threadsTaggingIntoOneLayoutLoseNothing() throws Exception {
        ImageLayout.create(dir);
        Descriptor manifest = TestImages.writeImage(ImageLayout.open(dir), "shared");
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < 2; t++) {
                String prefix = "thread" + t;
                futures.add(pool.submit(() -> {
                    // Each thread has its own ImageLayout: the lock must be shared per directory, not per object.
                    ImageLayout layout = ImageLayout.open(dir);
                    for (int i = 0; i < 50; i++) {
                        layout.tag(prefix + "-" + i, manifest);
                    }
                    return null;
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
        assertThat(refNames()).hasSize(100);
    }

    @Test
    void twoJvmsTaggingIntoOneLayoutLoseNothing() throws Exception {
        ImageLayout layout = ImageLayout.create(dir);
        Descriptor manifest = TestImages.writeImage(layout, "shared");
        List<Process> processes = new ArrayList<>();
        for (String prefix : List.of("jvmA", "jvmB")) {
            processes.add(new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), TagMain.class.getName(),
                    dir.toString(), prefix, "50", manifest.digest().toString(), Long.toString(manifest.size()))
                    .redirectErrorStream(true)
                    .start());
        }
        // Tag from this JVM at the same time, so three writers contend.
        for (int i = 0; i < 20; i++) {
            layout.tag("parent-" + i, manifest);
        }
        for (Process p : processes) {
            String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(p.waitFor()).as(output).isZero();
        }
        Set<String> names = refNames();
        assertThat(names).hasSize(120);
        assertThat(names).contains("jvmA-0", "jvmA-49", "jvmB-0", "jvmB-49", "parent-19");
        assertThat(layout.verify().problems()).isEmpty();
        try (var files = Files.list(dir)) {
            assertThat(files.map(f -> f.getFileName().toString())).doesNotContain(".index.json.oci4j-tmp");
        }
    }

    private Set<String> refNames() throws IOException {
        return ImageLayout.open(dir).index().manifests().stream()
                .map(d -> d.annotations().get(Annotations.REF_NAME))
                .collect(Collectors.toSet());
    }
}
