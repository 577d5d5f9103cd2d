package dev.oci4j.examples.bench;

import dev.oci4j.image.layer.Compression;
import dev.oci4j.image.layer.LayerApplier;
import dev.oci4j.image.layer.LayerBlob;
import dev.oci4j.image.layer.LayerWriter;
import dev.oci4j.image.layer.WrittenLayer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The oci4j operations the benchmark times: in-process layer writer/applier and the {@code oci} command. */
final class OciLayers {

    /** A layer blob written in-process. */
    record Built(Path blob, WrittenLayer layer) {
    }

    private OciLayers() {
    }

    static Built build(Path tree, Path blobDir, Compression compression) throws IOException {
        Files.createDirectories(blobDir);
        Path blob = blobDir.resolve("layer" + (compression == Compression.ZSTD ? ".tar.zst" : ".tar.gz"));
        WrittenLayer layer = LayerWriter.builder().compression(compression).build().writeDirectory(tree, blob);
        return new Built(blob, layer);
    }

    static void unpack(Built built, Path rootfs) throws IOException {
        LayerApplier.builder().build().apply(rootfs, LayerBlob.of(built.blob(), built.layer().diffId()));
    }

    /** {@code java [jvmOptions] -cp CLASSPATH dev.oci4j.examples.Oci args...}, the {@code oci} command as shipped. */
    static List<String> ociCommand(List<String> jvmOptions, String... args) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), "dev.oci4j.examples.Oci"));
        command.addAll(List.of(args));
        return command;
    }

    /** {@code oci build oci:LAYOUT:t --layer TREE --compression C}; returns seconds, JVM start-up included. */
    static double cliBuild(Path layout, Path tree, Compression compression, List<String> jvmOptions) throws IOException {
        return Procs.time(ociCommand(jvmOptions, "build", "oci:" + layout + ":t", "--layer", tree.toString(),
                "--compression", compression.name().toLowerCase()), null);
    }

    /** {@code oci unpack oci:LAYOUT:t ROOTFS}; returns seconds, JVM start-up included. */
    static double cliUnpack(Path layout, Path rootfs, List<String> jvmOptions) throws IOException {
        return Procs.time(ociCommand(jvmOptions, "unpack", "oci:" + layout + ":t", rootfs.toString()), null);
    }
}
