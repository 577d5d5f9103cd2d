package dev.oci4j.image.internal.compress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Random;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipException;
import org.junit.jupiter.api.Test;

class ReadAheadInputStreamTest {

    /** Records whether it was closed. */
    static final class TrackingStream extends FilterInputStream {
        volatile boolean closed;

        TrackingStream(InputStream in) {
            super(in);
        }

        @Override
        public void close() throws IOException {
            closed = true;
            super.close();
        }
    }

    @Test
    void readsExactlyTheSourceBytesWhateverTheReadSizes() throws IOException {
        for (int size : new int[] {0, 1, ReadAheadInputStream.CHUNK - 1, ReadAheadInputStream.CHUNK,
            ReadAheadInputStream.CHUNK + 1, 5 * ReadAheadInputStream.CHUNK + 17}) {
            byte[] data = TestData.random(size, size);
            Random r = new Random(size);
            ByteArrayOutputStream got = new ByteArrayOutputStream();
            try (ReadAheadInputStream in = new ReadAheadInputStream(new ByteArrayInputStream(data))) {
                byte[] buf = new byte[100_000];
                for (int n; (n = in.read(buf, 0, 1 + r.nextInt(buf.length))) != -1; ) {
                    got.write(buf, 0, n);
                    if (r.nextInt(10) == 0) {
                        int b = in.read();
                        if (b == -1) {
                            break;
                        }
                        got.write(b);
                    }
                }
                assertThat(in.read()).isEqualTo(-1);
            }
            assertThat(got.toByteArray()).as("%d bytes", size).isEqualTo(data);
        }
    }

    @Test
    void theSourcesExceptionReachesTheReaderWithItsType() throws IOException {
        ByteArrayOutputStream gz = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(gz)) {
            out.write(TestData.text(2_000_000, 1));
        }
        byte[] corrupt = gz.toByteArray();
        corrupt[corrupt.length - 8] ^= 1; // CRC
        try (ReadAheadInputStream in = new ReadAheadInputStream(
                new GzipDecompressingInputStream(new ByteArrayInputStream(corrupt)))) {
            assertThatThrownBy(in::readAllBytes).isInstanceOf(ZipException.class).hasMessageContaining("CRC-32");
        }
    }

    @Test
    void theSourceStaysOpenAtItsEndAndClosesWithTheStream() throws IOException {
        TrackingStream source = new TrackingStream(new ByteArrayInputStream(new byte[1000]));
        ReadAheadInputStream in = new ReadAheadInputStream(source);
        assertThat(in.readAllBytes()).hasSize(1000);
        assertThat(source.closed).isFalse();
        in.close();
        assertThat(source.closed).isTrue();
        assertThatThrownBy(in::read).isInstanceOf(IOException.class).hasMessageContaining("closed");
    }

    @Test
    void closingEarlyStopsTheThreadAndClosesTheSource() throws Exception {
        TrackingStream source = new TrackingStream(new ByteArrayInputStream(TestData.random(20 * ReadAheadInputStream.CHUNK, 3)));
        ReadAheadInputStream in = new ReadAheadInputStream(source);
        assertThat(in.read(new byte[10])).isEqualTo(10);
        in.close();
        assertThat(source.closed).isTrue();
        List<Thread> left = TestData.threadsNamed("oci4j-readahead-");
        left.removeIf(t -> t.getName().endsWith("cleaner"));
        for (Thread t : left) {
            t.join(10_000);
        }
        assertThat(TestData.threadsNamed("oci4j-readahead-")).allMatch(t -> t.getName().endsWith("cleaner"));
    }

    @Test
    void skipMovesThroughChunks() throws IOException {
        byte[] data = TestData.random(3 * ReadAheadInputStream.CHUNK, 4);
        try (ReadAheadInputStream in = new ReadAheadInputStream(new ByteArrayInputStream(data))) {
            assertThat(in.skip(ReadAheadInputStream.CHUNK + 5)).isEqualTo(ReadAheadInputStream.CHUNK + 5);
            assertThat(in.read()).isEqualTo(data[ReadAheadInputStream.CHUNK + 5] & 0xff);
        }
    }
}
