package dev.oci4j.image.layout;

import dev.oci4j.image.Descriptor;
import dev.oci4j.image.Digest;
import dev.oci4j.image.ImageManifest;
import dev.oci4j.image.MediaType;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

/** Tiny real images written by hand through the layout API. */
final class TestImages {

    private TestImages() {
    }

    /** An uncompressed tar holding one regular file. */
    static byte[] tar(String name, String content) {
        byte[] data = content.getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(bytes)) {
            TarArchiveEntry entry = new TarArchiveEntry(name);
            entry.setSize(data.length);
            entry.setMode(0100644);
            entry.setModTime(0);
            tar.putArchiveEntry(entry);
            tar.write(data);
            tar.closeArchiveEntry();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    static byte[] gzip(byte[] data) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(bytes)) {
            gz.write(data);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    static byte[] config(Digest... diffIds) {
        StringBuilder ids = new StringBuilder();
        for (Digest d : diffIds) {
            ids.append(ids.length() == 0 ? "" : ",").append('"').append(d).append('"');
        }
        return ("{\"architecture\":\"amd64\",\"os\":\"linux\",\"config\":{\"Cmd\":[\"/hello\"]},"
                + "\"rootfs\":{\"type\":\"layers\",\"diff_ids\":[" + ids + "]}}").getBytes(StandardCharsets.UTF_8);
    }

    /** Writes config + one gzip layer holding {@code hello.txt} + manifest; returns the manifest descriptor. */
    static Descriptor writeImage(ImageLayout layout, String content) throws IOException {
        byte[] tar = tar("hello.txt", content);
        byte[] gz = gzip(tar);
        Blob layer = layout.writeBlob(gz);
        Descriptor config = layout.writeJson(MediaType.OCI_CONFIG, config(Digest.sha256(tar)));
        ImageManifest manifest = ImageManifest.builder()
                .config(config)
                .addLayer(Descriptor.of(MediaType.OCI_LAYER_TAR_GZIP, layer.digest(), layer.size()))
                .build();
        return layout.writeManifest(manifest);
    }
}
