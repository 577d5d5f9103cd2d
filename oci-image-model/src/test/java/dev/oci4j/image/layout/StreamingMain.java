package dev.oci4j.image.layout;

import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;

/** Run by {@link StreamingTest} in a JVM whose heap is far smaller than the blob it writes and reads. */
public final class StreamingMain {

    private StreamingMain() {
    }

    public static void main(String[] args) throws Exception {
        long size = Long.parseLong(args[1]);
        ImageLayout layout = ImageLayout.create(Path.of(args[0]));
        Blob blob = layout.writeBlob(new PatternStream(size));
        try (InputStream in = layout.readBlob(blob.digest(), blob.size())) {
            long read = in.transferTo(OutputStream.nullOutputStream());
            System.out.println(blob.digest() + " " + read);
        }
    }

    /** {@code size} bytes of a repeating pattern, generated on the fly. */
    static final class PatternStream extends InputStream {
        private final long size;
        private long pos;

        PatternStream(long size) {
            this.size = size;
        }

        @Override
        public int read() {
            return pos < size ? (int) (pos++ * 31 & 0xff) : -1;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (pos >= size) {
                return -1;
            }
            int n = (int) Math.min(len, size - pos);
            for (int i = 0; i < n; i++) {
                b[off + i] = (byte) (pos++ * 31);
            }
            return n;
        }
    }
}
