package dev.oci4j.examples.bench;

import dev.oci4j.image.Digest;
import dev.oci4j.image.DigestingInputStream;
import dev.oci4j.image.DigestingOutputStream;
import dev.oci4j.image.layer.Compression;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermission;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

/**
 * Layer build and unpack written directly on commons-compress and {@link Compression}.
 *
 * <p>TODO(layers): replace with {@code dev.oci4j.image.layer.LayerWriter} / {@code LayerApplier} once the
 * {@code layers} branch has them ("Layers API:" commits); this stand-in covers only directories and
 * regular files (no whiteouts, links, xattrs or ownership), so it is a lower bound on the real work.
 */
final class StandInLayers {

    /** What a layer build produced: the blob's digest and size, the tar's diffID and size. */
    record Built(Path blob, Digest digest, long size, Digest diffId, long tarSize) {
    }

    private StandInLayers() {
    }

    static Built build(Path tree, Path blobDir, Compression compression, int level) throws IOException {
        Files.createDirectories(blobDir);
        Path tmp = Files.createTempFile(blobDir, "layer", ".tmp");
        DigestingOutputStream compressed = new DigestingOutputStream(Files.newOutputStream(tmp), Digest.SHA256);
        DigestingOutputStream tar = new DigestingOutputStream(compression.compress(compressed, level), Digest.SHA256);
        List<Path> paths;
        try (Stream<Path> walk = Files.walk(tree)) {
            paths = walk.filter(p -> !p.equals(tree)).sorted().toList();
        }
        byte[] buffer = new byte[64 * 1024];
        try (TarArchiveOutputStream out = new TarArchiveOutputStream(tar, 10240)) {
            out.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            out.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
            for (Path p : paths) {
                String name = tree.relativize(p).toString();
                boolean dir = Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS);
                TarArchiveEntry e = new TarArchiveEntry(dir ? name + "/" : name);
                e.setModTime(Files.getLastModifiedTime(p, LinkOption.NOFOLLOW_LINKS));
                e.setMode(dir ? 040755 : 0100644);
                if (dir) {
                    out.putArchiveEntry(e);
                } else {
                    e.setSize(Files.size(p));
                    out.putArchiveEntry(e);
                    try (InputStream in = Files.newInputStream(p)) {
                        for (int n; (n = in.read(buffer)) > 0; ) {
                            out.write(buffer, 0, n);
                        }
                    }
                }
                out.closeArchiveEntry();
            }
        }
        Digest digest = compressed.digest();
        Path blob = blobDir.resolve(digest.encoded());
        Files.move(tmp, blob, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        return new Built(blob, digest, compressed.size(), tar.digest(), tar.size());
    }

    /** Extracts a layer blob into {@code rootfs}, verifying the blob's digest; returns the tar's size. */
    static long unpack(Path blob, Digest digest, Path rootfs) throws IOException {
        Files.createDirectories(rootfs);
        byte[] buffer = new byte[64 * 1024];
        Set<PosixFilePermission> fileMode = EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE,
                PosixFilePermission.GROUP_READ, PosixFilePermission.OTHERS_READ);
        long size = 0;
        try (DigestingInputStream verified = DigestingInputStream.verifying(Files.newInputStream(blob), digest, -1);
             BufferedInputStream buffered = new BufferedInputStream(verified, 256 * 1024)) {
            Compression compression = Compression.detect(buffered);
            InputStream plain = compression.decompress(buffered);
            try (TarArchiveInputStream tar = new TarArchiveInputStream(plain)) {
                for (TarArchiveEntry e; (e = tar.getNextEntry()) != null; ) {
                    Path target = rootfs.resolve(e.getName()).normalize();
                    if (!target.startsWith(rootfs)) {
                        throw new IOException("entry escapes the root: " + e.getName());
                    }
                    if (e.isDirectory()) {
                        Files.createDirectories(target);
                    } else if (e.isFile()) {
                        try (OutputStream out = Files.newOutputStream(target, StandardOpenOption.CREATE,
                                StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE)) {
                            for (int n; (n = tar.read(buffer)) > 0; ) {
                                out.write(buffer, 0, n);
                                size += n;
                            }
                        }
                        Files.setPosixFilePermissions(target, fileMode);
                    }
                    Files.setLastModifiedTime(target, FileTime.from(e.getModTime().toInstant()));
                }
                // Read past the end-of-archive blocks so the gzip trailer is checked and the digest
                // covers every byte of the blob.
                plain.transferTo(OutputStream.nullOutputStream());
            }
        }
        return size;
    }
}
