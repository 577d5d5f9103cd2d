package dev.oci4j.image.layout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.oci4j.image.Digest;
import dev.oci4j.image.DigestMismatchException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BlobStoreTest {

    @TempDir
    Path dir;

    private static final byte[] HELLO = "hello".getBytes(StandardCharsets.UTF_8);

    @Test
    void createWritesTheLayoutHeaderAnEmptyIndexAndTheBlobsDirectory() throws IOException {
        ImageLayout.create(dir);
        assertThat(dir.resolve("oci-layout")).hasContent("{\"imageLayoutVersion\":\"1.0.0\"}");
        assertThat(Files.readString(dir.resolve("index.json"))).contains("\"schemaVersion\":2", "\"manifests\":[]");
        assertThat(dir.resolve("blobs")).isDirectory();
        assertThatThrownBy(() -> ImageLayout.create(dir)).isInstanceOf(java.nio.file.FileAlreadyExistsException.class);
    }

    @Test
    void blobsAreNamedByTheirDigestUnderBlobsAlgEncoded() throws IOException {
        ImageLayout layout = ImageLayout.create(dir);
        Blob blob = layout.writeBlob(HELLO);
        assertThat(blob.digest()).isEqualTo(Digest.sha256(HELLO));
        assertThat(blob.size()).isEqualTo(5);
        assertThat(blob.created()).isTrue();
        Path file = dir.resolve("blobs/sha256/" + blob.digest().encoded());
        assertThat(layout.blobPath(blob.digest())).isEqualTo(file);
        assertThat(file).hasBinaryContent(HELLO);
        assertThat(layout.hasBlob(blob.digest())).isTrue();
        assertThat(layout.blobSize(blob.digest())).isEqualTo(5);
        assertThat(layout.blobs()).containsExactly(blob.digest());
    }

    @Test
    void writingTheSameContentTwiceKeepsOneBlobAndLeavesNoTempFiles() throws IOException {
        ImageLayout layout = ImageLayout.create(dir);
        layout.writeBlob(HELLO);
        Blob again = layout.writeBlob(new ByteArrayInputStream(HELLO));
        assertThat(again.created()).isFalse();
        assertThat(tempFiles()).isEmpty();
    }

    @Test
    void contentThatMissesItsExpectedDigestIsNeverWrittenUnderBlobs() throws IOException {
        ImageLayout layout = ImageLayout.create(dir);
        Digest other = Digest.sha256("other".getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> layout.writeBlob(new ByteArrayInputStream(HELLO), other, 5))
                .isInstanceOf(DigestMismatchException.class)
                .hasMessageContaining("expected " + other);
        assertThatThrownBy(() -> layout.writeBlob(new ByteArrayInputStream(HELLO), Digest.sha256(HELLO), 4))
                .isInstanceOf(DigestMismatchException.class)
                .hasMessageContaining("longer than the expected 4 bytes");
        assertThatThrownBy(() -> layout.writeBlob(new ByteArrayInputStream(HELLO), Digest.sha256(HELLO), 6))
                .isInstanceOf(DigestMismatchException.class)
                .hasMessageContaining("5 bytes, expected 6");
        assertThat(layout.blobs()).isEmpty();
        assertThat(filesUnder(dir.resolve("blobs"))).isEmpty();
        assertThat(tempFiles()).isEmpty();
    }

    @Test
    void closingABlobWriterWithoutCommitDiscardsWhatWasWritten() throws IOException {
        ImageLayout layout = ImageLayout.create(dir);
        BlobWriter writer = layout.newBlobWriter();
        writer.write(HELLO);
        writer.close();
        assertThat(layout.blobs()).isEmpty();
        assertThat(filesUnder(dir.resolve("blobs"))).isEmpty();
        assertThat(tempFiles()).isEmpty();
        assertThat(writer.committed()).isEmpty();
        assertThatThrownBy(writer::commit).isInstanceOf(IOException.class).hasMessageContaining("closed");
    }

    @Test
    void theJavadocPatternPublishesNothingWhenTheBodyThrows() throws IOException {
        ImageLayout layout = ImageLayout.create(dir);
        assertThatThrownBy(() -> {
            try (BlobWriter w = layout.newBlobWriter(); GZIPOutputStream gz = new GZIPOutputStream(w)) {
                gz.write(HELLO);
                gz.flush();
                throw new IOException("the tar source failed half way");
            }
        }).hasMessage("the tar source failed half way");
        assertThat(layout.blobs()).isEmpty();
        assertThat(filesUnder(dir.resolve("blobs"))).isEmpty();
        assertThat(tempFiles()).isEmpty();
    }

    @Test
    void theJavadocPatternPublishesTheBlobOnCommit() throws IOException {
        ImageLayout layout = ImageLayout.create(dir);
        Blob blob;
        try (BlobWriter w = layout.newBlobWriter(); GZIPOutputStream gz = new GZIPOutputStream(w)) {
            gz.write(HELLO);
            gz.finish();
            blob = w.commit();
        }
        assertThat(Digest.sha256(layout.blobPath(blob.digest()))).isEqualTo(blob.digest());
        assertThat(Files.size(layout.blobPath(blob.digest()))).isEqualTo(blob.size());
        assertThat(tempFiles()).isEmpty();
    }

    @Test
    void anAbortedWriterLeavesNothingBehind() throws IOException {
        ImageLayout layout = ImageLayout.create(dir);
        BlobWriter writer = layout.newBlobWriter();
        writer.write(HELLO);
        assertThat(tempFiles()).hasSize(1);
        assertThat(layout.blobs()).isEmpty();
        writer.abort();
        writer.close();
        assertThat(tempFiles()).isEmpty();
        assertThat(layout.blobs()).isEmpty();
        assertThatThrownBy(writer::blob).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void readingAVerifiedBlobFailsWhenTheFileWasTamperedWith() throws IOException {
        ImageLayout layout = ImageLayout.create(dir);
        Blob blob = layout.writeBlob(HELLO);
        try (InputStream in = layout.readBlob(blob.digest(), 5)) {
            assertThat(in.readAllBytes()).isEqualTo(HELLO);
        }
        Files.write(layout.blobPath(blob.digest()), "HELLO".getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> layout.readBlobBytes(blob.digest(), 5)).isInstanceOf(DigestMismatchException.class);
        assertThatThrownBy(() -> layout.readBlob(Digest.sha256(new byte[0]))).isInstanceOf(NoSuchFileException.class);
    }

    @Test
    void writingAgainRepairsABlobFileWithTheWrongSize() throws IOException {
        ImageLayout layout = ImageLayout.create(dir);
        Blob blob = layout.writeBlob(HELLO);
        Files.write(layout.blobPath(blob.digest()), new byte[] {'h'});
        assertThat(layout.writeBlob(new ByteArrayInputStream(HELLO), blob.digest(), 5).created()).isTrue();
        assertThat(layout.blobPath(blob.digest())).hasBinaryContent(HELLO);
    }

    @Test
    void aCrashLeavesOnlyATempFileWhichTheNextOpenRemoves() throws IOException {
        ImageLayout.create(dir);
        // What a writer in a process that died mid-blob leaves: a temp file nobody holds a lock on.
        Path temp = dir.resolve(BlobStore.TEMP_DIR).resolve("0123456789abcdef-1.part");
        Files.createDirectories(temp.getParent());
        Files.write(temp, "half a lay".getBytes(StandardCharsets.UTF_8));
        assertThat(filesUnder(dir.resolve("blobs"))).isEmpty();

        ImageLayout layout = ImageLayout.open(dir);
        assertThat(temp).doesNotExist();
        assertThat(layout.blobs()).isEmpty();
    }

    @Test
    void openingTheLayoutDoesNotRemoveALiveWritersTempFile() throws IOException {
        ImageLayout layout = ImageLayout.create(dir);
        try (BlobWriter writer = layout.newBlobWriter()) {
            writer.write(HELLO);
            ImageLayout.open(dir);
            assertThat(tempFiles()).hasSize(1);
            writer.commit();
        }
        assertThat(layout.hasBlob(Digest.sha256(HELLO))).isTrue();
        assertThat(tempFiles()).isEmpty();
    }

    private Stream<Path> tempFilesStream() throws IOException {
        Path tmp = dir.resolve(BlobStore.TEMP_DIR);
        return Files.isDirectory(tmp) ? Files.list(tmp) : Stream.empty();
    }

    private java.util.List<Path> tempFiles() throws IOException {
        try (Stream<Path> s = tempFilesStream()) {
            return s.toList();
        }
    }

    private static java.util.List<Path> filesUnder(Path p) throws IOException {
        try (Stream<Path> s = Files.walk(p)) {
            return s.filter(Files::isRegularFile).toList();
        }
    }

    @Test
    void closingABlobStreamEarlyStillVerifiesTheRest() throws IOException {
        ImageLayout layout = ImageLayout.create(dir);
        Blob blob = layout.writeBlob(HELLO);
        Files.write(layout.blobPath(blob.digest()), "help!".getBytes(StandardCharsets.UTF_8));
        InputStream in = layout.readBlob(blob.digest(), 5);
        assertThat(in.read()).isEqualTo('h');
        assertThatThrownBy(in::close).isInstanceOf(DigestMismatchException.class);
    }
}
