package dev.oci4j.image.internal.compress;

import com.sun.jna.Memory;
import java.util.Arrays;

/**
 * ISA-L's deflate for one block at a time: the dictionary and the block are copied into native memory,
 * deflated by {@code isal_deflate} into a native output buffer and copied back. The copies cost a few
 * percent of the deflate itself; the native buffers are reused for every block this compressor runs.
 */
final class IsalBlockCompressor implements BlockCompressor {

    private final int level;
    private final Memory stream = new Memory(Isal.STREAM_SIZE);
    private final Memory levelBuffer = new Memory(Isal.LEVEL_BUFFER_SIZE);
    private final Memory input;
    private Memory output;

    IsalBlockCompressor(int level, int blockSize) {
        this.level = level;
        this.input = new Memory(BlockJob.WINDOW + (long) blockSize);
        this.output = new Memory(blockSize + blockSize / 8 + 1024L);
    }

    @Override
    public void deflate(BlockJob job) {
        stream.clear();
        Isal.isal_deflate_init(stream);
        stream.setInt(Isal.LEVEL, level);
        stream.setInt(Isal.LEVEL_BUF_SIZE, (int) Isal.LEVEL_BUFFER_SIZE);
        stream.setPointer(Isal.LEVEL_BUF, levelBuffer);
        stream.setShort(Isal.GZIP_FLAG, (short) 0);
        stream.setShort(Isal.HIST_BITS, (short) 0);
        int dictionary = job.dictionaryLength;
        input.write(BlockJob.WINDOW - dictionary, job.data, BlockJob.WINDOW - dictionary, dictionary + job.length);
        if (dictionary > 0) {
            check(Isal.isal_deflate_set_dict(stream, input.share(BlockJob.WINDOW - dictionary), dictionary), "set_dict");
        }
        stream.setPointer(Isal.NEXT_IN, input.share(BlockJob.WINDOW));
        stream.setInt(Isal.AVAIL_IN, job.length);
        stream.setShort(Isal.END_OF_STREAM, (short) (job.last ? 1 : 0));
        stream.setShort(Isal.FLUSH, job.last ? Isal.NO_FLUSH : Isal.SYNC_FLUSH);
        long produced = 0;
        while (true) {
            long room = output.size() - produced;
            stream.setPointer(Isal.NEXT_OUT, output.share(produced));
            stream.setInt(Isal.AVAIL_OUT, (int) room);
            check(Isal.isal_deflate(stream), "deflate");
            long left = Integer.toUnsignedLong(stream.getInt(Isal.AVAIL_OUT));
            produced += room - left;
            if (left > 0 && stream.getInt(Isal.AVAIL_IN) == 0) {
                break;
            }
            // Output full: more may be pending; continue into a larger buffer.
            Memory larger = new Memory(output.size() * 2);
            larger.write(0, output.getByteArray(0, (int) produced), 0, (int) produced);
            output.close();
            output = larger;
        }
        if (job.output.length < produced) {
            job.output = Arrays.copyOf(job.output, (int) produced);
        }
        output.read(0, job.output, 0, (int) produced);
        job.outputLength = (int) produced;
    }

    private static void check(int status, String call) {
        if (status != Isal.COMP_OK) {
            throw new IllegalStateException("isal_" + call + " failed with status " + status);
        }
    }

    @Override
    public void close() {
        stream.close();
        levelBuffer.close();
        input.close();
        output.close();
    }
}
