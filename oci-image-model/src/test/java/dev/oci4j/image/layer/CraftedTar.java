package dev.oci4j.image.layer;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;

/** Writes tars with whatever names a hostile or quirky producer would use, names kept verbatim. */
final class CraftedTar {

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final TarArchiveOutputStream tar;

    CraftedTar() {
        tar = new TarArchiveOutputStream(bytes, 512, "UTF-8");
        tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
        tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
    }

    CraftedTar dir(String name) {
        return put(name.endsWith("/") ? name : name + "/", TarConstants.LF_DIR, null, null, 0755);
    }

    CraftedTar dir(String name, int mode) {
        return put(name.endsWith("/") ? name : name + "/", TarConstants.LF_DIR, null, null, mode);
    }

    CraftedTar file(String name, String content) {
        return put(name, TarConstants.LF_NORMAL, null, content, 0644);
    }

    CraftedTar symlink(String name, String target) {
        return put(name, TarConstants.LF_SYMLINK, target, null, 0777);
    }

    CraftedTar hardlink(String name, String target) {
        return put(name, TarConstants.LF_LINK, target, null, 0644);
    }

    CraftedTar whiteout(String name) {
        return put(name, TarConstants.LF_NORMAL, null, "", 0);
    }

    private CraftedTar put(String name, byte flag, String link, String content, int mode) {
        try {
            TarArchiveEntry e = new TarArchiveEntry(name, flag, true);
            e.setUserName("");
            e.setGroupName("");
            e.setMode(mode);
            e.setModTime(1_600_000_000_000L);
            if (link != null) {
                e.setLinkName(link);
            }
            byte[] data = content == null ? new byte[0] : content.getBytes(StandardCharsets.UTF_8);
            e.setSize(data.length);
            tar.putArchiveEntry(e);
            tar.write(data);
            tar.closeArchiveEntry();
            return this;
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    byte[] bytes() {
        try {
            tar.close();
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        return bytes.toByteArray();
    }

    /** Without the two zero blocks that end an archive, as umoci 0.4 writes. */
    byte[] bytesWithoutTrailer() {
        byte[] all = bytes();
        return Arrays.copyOf(all, all.length - 1024);
    }

    Path writeTo(Path file) throws IOException {
        return Files.write(file, bytes());
    }
}
