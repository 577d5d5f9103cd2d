package dev.oci4j.image.layer;

import dev.oci4j.image.internal.compress.ParallelGzipOutputStream;

/**
 * Which deflate implementation writes gzip layers. Both write the same framing (one gzip member of
 * 256 KiB blocks, each primed with the previous 32 KiB, incompressible blocks stored) and any gzip
 * reader reads both, but their deflate bytes differ: <strong>the engine is part of a layer's settings</strong>
 * like the level, so the same tree gives the same digest only with the same engine and level (and, for
 * ISA-L, the same ISA-L version: its output is not promised to stay the same across releases).
 *
 * <p>{@link #ZLIB} is the default and always there. {@link #ISAL} must be chosen explicitly, never
 * replaces zlib silently, and fails when its library is missing, so a digest never depends on what
 * happens to be installed.
 */
public enum GzipEngine {
    /** The JDK's zlib ({@link java.util.zip.Deflater}): levels 0-9, default 4 ({@link Compression#defaultLevel()}). */
    ZLIB,
    /**
     * Intel's ISA-L ({@code libisal.so.2}, Debian package {@code libisal2}) through JNA: levels 0-3, all
     * compressing (0 fastest, 3 smallest), default 3. Faster than zlib at a similar ratio on x86-64 (in
     * the benchmark's warm build of a 190 MB tar, level 3 took 0.74x the time of zlib's level 4). Requires the native library at run time; see {@link #isAvailable()}.
     */
    ISAL;

    /**
     * Whether this engine can run here: always for {@link #ZLIB}; for {@link #ISAL}, whether
     * {@code libisal.so.2} could be loaded (loading it on the first call).
     *
     * @return true when layers can be written with this engine
     */
    public boolean isAvailable() {
        return this == ZLIB || ParallelGzipOutputStream.isalAvailable();
    }

    /**
     * The highest level this engine accepts: 9 for zlib, 3 for ISA-L (levels start at 0 for both).
     *
     * @return the highest level
     */
    public int maxLevel() {
        return this == ZLIB ? 9 : 3;
    }

    /**
     * The level used when none is given: 4 for zlib (see {@link Compression#defaultLevel()}), 3 for ISA-L
     * (its smallest output: on the benchmark tree 1.1% larger than zlib's 4 and 1.3% larger than umoci's,
     * where level 1, a little faster, is 2.5% larger).
     *
     * @return the default level
     */
    public int defaultLevel() {
        return this == ZLIB ? Compression.GZIP.defaultLevel() : 3;
    }
}
