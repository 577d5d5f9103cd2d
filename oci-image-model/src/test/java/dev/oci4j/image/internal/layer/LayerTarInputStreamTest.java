package dev.oci4j.image.internal.layer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;
import org.junit.jupiter.api.Test;

/** Ending entries ourselves reads what commons-compress reads and fails where and how it fails. */
class LayerTarInputStreamTest {

    private static byte[] tar(Random r) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (TarArchiveOutputStream out = new TarArchiveOutputStream(bytes, 512, "UTF-8")) {
            out.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            out.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
            int[] sizes = {0, 1, 511, 512, 513, 1024, 5000, 9000, 20_000};
            for (int i = 0; i < 12; i++) {
                int kind = r.nextInt(4);
                String name = (i % 3 == 0 ? "n".repeat(120) + "/" : "") + "e" + i;
                TarArchiveEntry e;
                if (kind == 0) {
                    e = new TarArchiveEntry(name + "/", TarConstants.LF_DIR);
                } else if (kind == 1) {
                    e = new TarArchiveEntry(name, TarConstants.LF_SYMLINK);
                    e.setLinkName("target-" + i);
                } else {
                    e = new TarArchiveEntry(name);
                    e.setSize(sizes[r.nextInt(sizes.length)]);
                    if (kind == 3) {
                        e.addPaxHeader("SCHILY.xattr.user.k" + i, "v");
                    }
                }
                out.putArchiveEntry(e);
                byte[] data = new byte[(int) e.getSize()];
                r.nextBytes(data);
                out.write(data);
                out.closeArchiveEntry();
            }
        }
        return bytes.toByteArray();
    }

    /** Names, the first bytes of each entry (only those are read) and how the read ended. */
    private static List<String> read(byte[] tar, boolean own, int readPerEntry) {
        List<String> seen = new ArrayList<>();
        ByteArrayInputStream in = new ByteArrayInputStream(tar);
        try {
            TarArchiveInputStream t = own ? new LayerTarInputStream(in)
                    : new TarArchiveInputStream(in, StandardCharsets.UTF_8.name());
            while (true) {
                TarArchiveEntry e = own ? ((LayerTarInputStream) t).nextEntry() : t.getNextEntry();
                if (e == null) {
                    break;
                }
                byte[] buf = new byte[readPerEntry];
                int n = t.read(buf, 0, buf.length);
                seen.add(e.getName() + " " + e.getSize() + " " + Map.copyOf(e.getExtraPaxHeaders()) + " "
                        + (n < 0 ? "-" : Arrays.hashCode(Arrays.copyOf(buf, n))));
            }
            seen.add("end, " + in.available() + " bytes left");
        } catch (Exception ex) {
            seen.add(ex.getClass().getName() + ": " + ex.getMessage() + ", " + in.available() + " bytes left");
        }
        return seen;
    }

    @Test
    void readsAndFailsLikeCommonsCompressAtEveryCut() throws IOException {
        Random r = new Random(7);
        for (int round = 0; round < 4; round++) {
            byte[] whole = tar(r);
            for (int cut = 0; cut <= whole.length; cut += cut < 4096 ? 1 : 97) {
                byte[] part = Arrays.copyOf(whole, cut);
                for (int readPerEntry : new int[] {0, 3, 700, 30_000}) {
                    assertThat(read(part, true, readPerEntry)).as("round %d cut %d read %d", round, cut, readPerEntry)
                            .isEqualTo(read(part, false, readPerEntry));
                }
            }
        }
    }
}
