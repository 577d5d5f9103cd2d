package dev.oci4j.examples;

import dev.oci4j.image.Descriptor;
import dev.oci4j.image.Platform;
import dev.oci4j.image.builder.BuiltImage;
import dev.oci4j.image.builder.ImageBuilder;
import dev.oci4j.image.layer.Compression;
import dev.oci4j.image.layer.GzipEngine;
import dev.oci4j.image.layout.ImageLayout;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code oci build}: builds an image from directories into an OCI image layout and prints its manifest digest. */
@Command(name = "build", mixinStandardHelpOptions = true,
        description = {"Build an image from directories into an OCI image layout (created if missing)"
                + " and print its manifest digest.",
                "Reproducible: with --source-date-epoch (or SOURCE_DATE_EPOCH) the same inputs give the same digest."},
        exitCodeListHeading = "Exit codes:%n",
        exitCodeList = {"0:the image was written", "1:the build failed", "2:usage error"})
final class BuildCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "oci:DIR[:REF]", description = "the layout to write into")
    String destination;

    @Option(names = "--tag", paramLabel = "REF_NAME", description = "the name in index.json (or give it as oci:DIR:REF)")
    String tag;

    @Option(names = "--from", paramLabel = "oci:DIR[:REF]", description = "base image; default: scratch")
    String from;

    @Option(names = "--layer", paramLabel = "SRC_DIR", description = "a directory whose contents become a layer; repeatable")
    List<Path> layers = new ArrayList<>();

    @Option(names = "--entrypoint", paramLabel = "ARG", description = "one entrypoint argument; repeat for more")
    List<String> entrypoint;

    @Option(names = "--cmd", paramLabel = "ARG", description = "one command argument; repeat for more")
    List<String> cmd;

    @Option(names = "--env", paramLabel = "K=V", description = "an environment variable; repeatable")
    List<String> env = new ArrayList<>();

    @Option(names = "--workdir", paramLabel = "DIR", description = "the working directory")
    String workdir;

    @Option(names = "--user", paramLabel = "USER[:GROUP]", description = "the user to run as")
    String user;

    @Option(names = "--label", paramLabel = "K=V", description = "a config label; repeatable")
    List<String> labels = new ArrayList<>();

    @Option(names = "--annotation", paramLabel = "K=V", description = "a manifest annotation; repeatable")
    List<String> annotations = new ArrayList<>();

    @Option(names = "--expose", paramLabel = "PORT[/PROTO]", description = "an exposed port; repeatable")
    List<String> ports = new ArrayList<>();

    @Option(names = "--volume", paramLabel = "PATH", description = "a volume; repeatable")
    List<String> volumes = new ArrayList<>();

    @Option(names = "--stop-signal", paramLabel = "SIGNAL", description = "the stop signal, such as SIGTERM")
    String stopSignal;

    @Option(names = "--platform", paramLabel = "OS/ARCH[/VARIANT]", description = "default: the base's, or this machine's")
    String platform;

    @Option(names = "--compression", paramLabel = "gzip|zstd|none", defaultValue = "gzip",
            description = "layer compression (default: ${DEFAULT-VALUE})")
    String compression;

    @Option(names = "--gzip-engine", paramLabel = "zlib|isal", defaultValue = "zlib",
            description = "deflate implementation for gzip layers (default: ${DEFAULT-VALUE}); isal is Intel's ISA-L"
                    + " (libisal.so.2), faster, with other bytes: the engine is part of the settings"
                    + " that fix a layer's digest")
    String gzipEngine;

    @Option(names = "--preserve-ownership", description = "keep files' uid and gid instead of writing 0 (root)")
    boolean preserveOwnership;

    @Option(names = "--source-date-epoch", paramLabel = "SECONDS",
            description = "created time and mtime cap, seconds since 1970; default: $SOURCE_DATE_EPOCH, else no created time")
    Long sourceDateEpoch;

    @Override
    public Integer call() {
        ImageLocation dest = location(destination, "destination");
        String ref = refName(dest);
        try {
            ImageBuilder builder = base();
            configure(builder);
            ImageLayout layout = openOrCreate(dest.dir());
            BuiltImage image = builder.writeTo(layout, ref);
            PrintWriter out = spec.commandLine().getOut();
            out.println(image.digest());
            out.flush();
            return 0;
        } catch (ParameterException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            return CliErrors.fail(spec.commandLine().getErr(), "build", e);
        }
    }

    private String refName(ImageLocation dest) {
        if (tag != null && dest.ref().isPresent() && !tag.equals(dest.ref().get())) {
            throw usage("--tag " + tag + " and the destination's ref " + dest.ref().get() + " differ; give one");
        }
        String ref = tag != null ? tag : dest.ref().orElseThrow(() -> usage("give the image a name: --tag REF_NAME"));
        if (!ImageLocation.isValidRefName(ref)) {
            throw usage("--tag \"" + ref + "\" does not match the ref name grammar: components of [A-Za-z0-9]"
                    + " joined by - . _ : @ + or --, separated by /");
        }
        return ref;
    }

    private ImageBuilder base() throws IOException {
        if (from == null) {
            return ImageBuilder.fromScratch();
        }
        ImageLocation base = location(from, "--from");
        ImageLayout layout = base.openLayout();
        Descriptor entry = base.resolve(layout);
        return ImageBuilder.from(layout, entry);
    }

    private void configure(ImageBuilder b) {
        if (platform != null) {
            try {
                b.platform(Platform.parse(platform));
            } catch (IllegalArgumentException e) {
                throw usage("--platform: " + e.getMessage());
            }
        }
        b.compression(switch (compression.toLowerCase(Locale.ROOT)) {
            case "gzip" -> Compression.GZIP;
            case "zstd" -> Compression.ZSTD;
            case "none" -> Compression.NONE;
            default -> throw usage("--compression must be gzip, zstd or none, found \"" + compression + "\"");
        });
        b.gzipEngine(switch (gzipEngine.toLowerCase(Locale.ROOT)) {
            case "zlib" -> GzipEngine.ZLIB;
            case "isal" -> GzipEngine.ISAL;
            default -> throw usage("--gzip-engine must be zlib or isal, found \"" + gzipEngine + "\"");
        });
        Long epoch = sourceDateEpoch != null ? sourceDateEpoch : envEpoch();
        if (epoch != null) {
            if (epoch < 0) {
                throw usage("--source-date-epoch must not be negative, found " + epoch);
            }
            b.sourceDateEpoch(Instant.ofEpochSecond(epoch));
        }
        b.preserveOwnership(preserveOwnership);
        for (Path dir : layers) {
            if (!Files.isDirectory(dir)) {
                throw new IllegalArgumentException("--layer " + dir + ": not a directory");
            }
            b.addLayer(dir);
        }
        if (entrypoint != null) {
            b.entrypoint(entrypoint);
        }
        if (cmd != null) {
            b.cmd(cmd);
        }
        env.forEach(kv -> b.putEnv(key(kv, "--env"), value(kv)));
        labels.forEach(kv -> b.putLabel(key(kv, "--label"), value(kv)));
        annotations.forEach(kv -> b.putAnnotation(key(kv, "--annotation"), value(kv)));
        ports.forEach(p -> {
            try {
                b.addExposedPort(p);
            } catch (IllegalArgumentException e) {
                throw usage("--expose: " + e.getMessage());
            }
        });
        volumes.forEach(b::addVolume);
        if (workdir != null) {
            b.workingDir(workdir);
        }
        if (user != null) {
            b.user(user);
        }
        if (stopSignal != null) {
            b.stopSignal(stopSignal);
        }
    }

    private static ImageLayout openOrCreate(Path dir) throws IOException {
        if (Files.isDirectory(dir) && !Files.exists(dir.resolve("oci-layout"))) {
            try (Stream<Path> children = Files.list(dir)) {
                if (children.findAny().isPresent()) {
                    throw new IllegalArgumentException(dir + " is neither an OCI image layout (no oci-layout file)"
                            + " nor empty; refusing to write a layout into it");
                }
            }
        }
        return ImageLayout.openOrCreate(dir);
    }

    private Long envEpoch() {
        String v = System.getenv("SOURCE_DATE_EPOCH");
        if (v == null || v.isBlank()) {
            return null;
        }
        try {
            return Long.parseLong(v.trim());
        } catch (NumberFormatException e) {
            throw usage("SOURCE_DATE_EPOCH must be an integer number of seconds, found \"" + v + "\"");
        }
    }

    private String key(String kv, String option) {
        int eq = kv.indexOf('=');
        if (eq <= 0) {
            throw usage(option + " expects KEY=VALUE, found \"" + kv + "\"");
        }
        return kv.substring(0, eq);
    }

    private static String value(String kv) {
        return kv.substring(kv.indexOf('=') + 1);
    }

    private ImageLocation location(String text, String what) {
        try {
            return ImageLocation.parse(text);
        } catch (IllegalArgumentException e) {
            throw usage(what + ": " + e.getMessage());
        }
    }

    private ParameterException usage(String message) {
        return new ParameterException(spec.commandLine(), message);
    }
}
