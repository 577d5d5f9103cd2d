package dev.oci4j.image.internal.compress;

import java.util.Queue;
import java.util.function.Supplier;

/**
 * One block of a {@link ParallelGzipOutputStream}: 32 KiB of dictionary followed by up to a block of
 * input, and the raw deflate bytes it became (by zlib or ISA-L, see {@link BlockCompressor}). Owned by the writer thread except while a worker runs it;
 * the executor's future hands it back with a happens-before edge.
 */
final class BlockJob implements Runnable {

    /** Deflate's window: the most a match can reach back, so the most dictionary that helps. */
    static final int WINDOW = 32 * 1024;

    /**
     * Above this order-0 entropy (bits per byte) a block is stored without trying deflate: Huffman
     * coding alone could save under 0.6%, and finding nothing to match costs zlib as much time as
     * compressing text. Random and already-compressed files land here.
     */
    private static final double STORE_ENTROPY = 7.95;

    final byte[] data;
    int length;
    int dictionaryLength;
    boolean last;
    /** Set by the stream: every block stored (zlib level 0), without asking the compressor. */
    boolean storeAll;
    boolean stored;
    byte[] output;
    int outputLength;
    private final Queue<BlockCompressor> compressors;
    private final Supplier<BlockCompressor> factory;

    BlockJob(int blockSize, Queue<BlockCompressor> compressors, Supplier<BlockCompressor> factory) {
        this.data = new byte[WINDOW + blockSize];
        this.output = new byte[blockSize + blockSize / 8 + 64];
        this.compressors = compressors;
        this.factory = factory;
    }

    void reset() {
        length = 0;
        dictionaryLength = 0;
        last = false;
        stored = false;
        outputLength = 0;
    }

    @Override
    public void run() {
        if (storeAll || looksIncompressible()) {
            stored = true;
            return;
        }
        BlockCompressor compressor = compressors.poll();
        if (compressor == null) {
            compressor = factory.get();
        }
        try {
            compressor.deflate(this);
        } finally {
            compressors.add(compressor);
        }
        stored = outputLength > StoredBlocks.size(length);
    }

    private boolean looksIncompressible() {
        if (length < 4096) {
            return false;
        }
        // 64 evenly spaced slices of 256 bytes: 16 KiB estimate the entropy of random data within about
        // 0.01 bit of 8, and cost a few microseconds where a full histogram of 256 KiB showed up in profiles
        // before the JIT had compiled it. The slice positions depend only on the length: deterministic.
        int[] counts = new int[256];
        int slice = 256;
        int slices = 64;
        long step = (long) (length - slice) / (slices - 1);
        int sampled = 0;
        for (int k = 0; k < slices; k++) {
            int from = WINDOW + (int) (k * step);
            for (int i = from, end = from + slice; i < end; i++) {
                counts[data[i] & 0xff]++;
            }
            sampled += slice;
        }
        double sum = 0;
        for (int c : counts) {
            if (c > 0) {
                sum += c * Math.log(c);
            }
        }
        double bitsPerByte = (Math.log(sampled) - sum / sampled) / Math.log(2);
        return bitsPerByte > STORE_ENTROPY;
    }
}
