package dev.oci4j.image.internal.compress;

import java.util.Arrays;
import java.util.zip.Deflater;

/** The JDK's zlib {@link Deflater}, raw deflate at a zlib level (0-9). */
final class ZlibBlockCompressor implements BlockCompressor {

    private final Deflater deflater;

    ZlibBlockCompressor(int level) {
        this.deflater = new Deflater(level, true);
    }

    @Override
    public void deflate(BlockJob job) {
        try {
            run(job);
        } finally {
            deflater.reset();
        }
    }

    private void run(BlockJob job) {
        if (job.dictionaryLength > 0) {
            deflater.setDictionary(job.data, BlockJob.WINDOW - job.dictionaryLength, job.dictionaryLength);
        }
        deflater.setInput(job.data, BlockJob.WINDOW, job.length);
        byte[] output = job.output;
        int pos = 0;
        if (job.last) {
            deflater.finish();
            while (!deflater.finished()) {
                if (pos == output.length) {
                    output = Arrays.copyOf(output, output.length * 2);
                }
                pos += deflater.deflate(output, pos, output.length - pos, Deflater.NO_FLUSH);
            }
        } else {
            while (true) {
                int room = output.length - pos;
                int n = deflater.deflate(output, pos, room, Deflater.SYNC_FLUSH);
                pos += n;
                if (n < room) {
                    break;
                }
                output = Arrays.copyOf(output, output.length * 2);
            }
        }
        job.output = output;
        job.outputLength = pos;
    }

    @Override
    public void close() {
        deflater.end();
    }
}
