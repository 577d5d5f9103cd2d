package dev.oci4j.image.internal.layer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oci4j.image.layer.LayerEntry;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The direct path for file content writes exactly what commons-compress's TarArchiveOutputStream writes. */
class TarEntryWriterTest {

    @Test
    void directPathWritesTheSameBytesAsCommonsCompress() throws IOException {
        Random r = new Random(13);
        List<LayerEntry> entries = new ArrayList<>();
        entries.add(LayerEntry.directory(""));
        for (int n : new int[] {1, 97, 98, 99, 100, 101, 150}) {
            entries.add(LayerEntry.builder("n/" + "a".repeat(n - 2 > 0 ? n - 2 : 1), LayerEntry.Type.FILE).size(3)
                    .content(() -> new ByteArrayInputStream(new byte[] {1, 2, 3})).build());
            entries.add(LayerEntry.builder("d" + "b".repeat(n), LayerEntry.Type.DIRECTORY).build());
        }
        for (long size : new long[] {0, 1, 511, 512, 513, 1023, 1024, 100_000, 128 * 1024, 128 * 1024 + 1, 300_001}) {
            byte[] data = new byte[(int) size];
            r.nextBytes(data);
            entries.add(LayerEntry.builder("f/size" + size, LayerEntry.Type.FILE).size(size)
                    .content(() -> new ByteArrayInputStream(data)).mode(r.nextInt(07777)).build());
        }
        Instant[] times = {Instant.EPOCH, Instant.ofEpochSecond(1, 999_999_999), Instant.ofEpochSecond(1_700_000_000, 123_456_789),
            Instant.ofEpochSecond(-5, 500), Instant.ofEpochSecond(077777777777L), Instant.ofEpochSecond(077777777777L + 1),
            Instant.ofEpochSecond(100_000_000_000L)};
        for (int i = 0; i < times.length; i++) {
            entries.add(LayerEntry.builder("t/time" + i, LayerEntry.Type.FILE).mtime(times[i]).build());
            entries.add(LayerEntry.builder("t/dir" + i, LayerEntry.Type.DIRECTORY).mtime(times[i]).build());
        }
        long[] ids = {0, 1, 1000, 65534, 07777777L, 07777777L + 1, 4_000_000_000L};
        for (long id : ids) {
            entries.add(LayerEntry.builder("u/uid" + id, LayerEntry.Type.FILE).uid(id).gid(ids[r.nextInt(ids.length)]).build());
        }
        entries.add(LayerEntry.builder("x/\u00e9t\u00e9", LayerEntry.Type.FILE).build());
        entries.add(LayerEntry.builder("x/\u00e9t\u00e9dir", LayerEntry.Type.DIRECTORY).build());
        entries.add(LayerEntry.builder("x/attrs", LayerEntry.Type.FILE)
                .xattrs(Map.of("user.a", "b".getBytes(StandardCharsets.UTF_8))).build());
        entries.add(LayerEntry.builder("x/attrs-and-content", LayerEntry.Type.FILE).size(5)
                .content(() -> new ByteArrayInputStream(new byte[5]))
                .xattrs(Map.of("user.a", "b".getBytes(StandardCharsets.UTF_8), "user.bin", new byte[] {(byte) 0xff, 0})).build());
        entries.add(LayerEntry.builder("x/\u00e9t\u00e9-content", LayerEntry.Type.FILE).size(600)
                .content(() -> new ByteArrayInputStream(new byte[600])).mtime(Instant.ofEpochSecond(5, 5)).build());
        entries.add(LayerEntry.symlink("x/link", "target"));
        entries.add(LayerEntry.hardlink("x/hard", "f/size1"));
        entries.add(LayerEntry.whiteout("x/gone"));
        entries.add(LayerEntry.opaque("x"));
        entries.add(LayerEntry.builder("x/fifo", LayerEntry.Type.FIFO).build());
        entries.add(LayerEntry.builder("x/file-after-specials", LayerEntry.Type.FILE).size(700)
                .content(() -> new ByteArrayInputStream(new byte[700])).build());
        List<String> differ = new ArrayList<>();
        for (LayerEntry e : entries) {
            if (!Arrays.equals(tar(List.of(e), true), tar(List.of(e), false))) {
                differ.add(e.path() + " " + e.type() + " " + e.mtime() + " " + e.uid() + "/" + e.gid());
            }
        }
        assertThat(differ).isEmpty();
        for (int round = 0; round < 3; round++) {
            List<LayerEntry> shuffled = new ArrayList<>(entries);
            if (round > 0) {
                Collections.shuffle(shuffled, r);
            }
            assertThat(tar(shuffled, true)).isEqualTo(tar(shuffled, false));
        }
    }

    private static byte[] tar(List<LayerEntry> entries, boolean direct) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (TarEntryWriter w = new TarEntryWriter(out, direct)) {
            for (LayerEntry e : entries) {
                w.write(e);
            }
        }
        return out.toByteArray();
    }
}
