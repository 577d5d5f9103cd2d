package dev.oci4j.image.layer;

import com.github.luben.zstd.ZstdInputStream;
import com.github.luben.zstd.ZstdOutputStream;
import dev.oci4j.image.MediaType;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * How a layer's tar stream is compressed (image-spec layer.md: tar, tar+gzip, tar+zstd).
 */
public enum Compression {
    /** Plain tar. */
    NONE,
    /** gzip (RFC 1952). */
    GZIP,
    /** Zstandard (RFC 8878). */
    ZSTD;

    /** The OCI layer media type for this compression. */
    public MediaType layerMediaType() {
        return switch (this) {
            case NONE -> MediaType.OCI_LAYER_TAR;
            case GZIP -> MediaType.OCI_LAYER_TAR_GZIP;
            case ZSTD -> MediaType.OCI_LAYER_TAR_ZSTD;
        };
    }

    /** The default level: 6 for gzip (zlib's), 3 for zstd (the zstd CLI's). */
    public int defaultLevel() {
        return switch (this) {
            case NONE -> 0;
            case GZIP -> 6;
            case ZSTD -> 3;
        };
    }

    /** Wraps {@code out} so that bytes written are compressed; closing it finishes the stream and closes {@code out}. */
    public OutputStream compress(OutputStream out, int level) throws IOException {
        return switch (this) {
            case NONE -> out;
            case GZIP -> new GZIPOutputStream(out, 64 * 1024) {
                {
                    def.setLevel(level);
                }
            };
            case ZSTD -> new ZstdOutputStream(out, level);
        };
    }

    /** Wraps {@code in} so that bytes read are decompressed. */
    public InputStream decompress(InputStream in) throws IOException {
        return switch (this) {
            case NONE -> in;
            case GZIP -> new GZIPInputStream(in, 64 * 1024);
            case ZSTD -> new ZstdInputStream(in);
        };
    }

    /**
     * Detects the compression from a stream's first bytes (gzip {@code 1f 8b}, zstd {@code 28 b5 2f fd}),
     * so layers whose media type lies or is unknown can still be read. The stream must support mark.
     */
    public static Compression detect(BufferedInputStream in) throws IOException {
        in.mark(4);
        byte[] magic = in.readNBytes(4);
        in.reset();
        if (magic.length >= 2 && (magic[0] & 0xff) == 0x1f && (magic[1] & 0xff) == 0x8b) {
            return GZIP;
        }
        if (magic.length == 4 && (magic[0] & 0xff) == 0x28 && (magic[1] & 0xff) == 0xb5
                && (magic[2] & 0xff) == 0x2f && (magic[3] & 0xff) == 0xfd) {
            return ZSTD;
        }
        return NONE;
    }
}
