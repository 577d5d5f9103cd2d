package dev.oci4j.examples;

import dev.oci4j.image.Descriptor;
import dev.oci4j.image.Digest;
import dev.oci4j.image.MediaType;
import dev.oci4j.image.Platform;
import dev.oci4j.image.layout.GcResult;
import dev.oci4j.image.layout.ImageLayout;
import dev.oci4j.image.layout.LayoutProblem;
import dev.oci4j.image.layout.LayoutVerification;
import dev.oci4j.image.layout.RefName;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code oci layout ls|verify|gc DIR}: list, check and clean an OCI image layout directory. */
@Command(name = "layout", description = "Inspect and maintain an OCI image layout directory.",
        subcommands = {LayoutCommand.Ls.class, LayoutCommand.Verify.class, LayoutCommand.Gc.class})
public final class LayoutCommand {

    /** A body that may fail because the layout cannot be read. */
    interface Body {
        int run() throws IOException;
    }

    /**
     * Runs {@code body}; a layout that cannot be read, is malformed or is hostile (a directory where
     * index.json should be, a device, a number no JSON reader holds) prints one line and exits 2.
     */
    static int guarded(CommandSpec spec, Body body) {
        try {
            return body.run();
        } catch (IOException | RuntimeException e) {
            spec.commandLine().getErr().println(spec.qualifiedName(" ") + ": " + CliErrors.describe(e));
            spec.commandLine().getErr().flush();
            return 2;
        }
    }

    /** Accepts {@code DIR} or skopeo's {@code oci:DIR[:REF]} (the reference is ignored here). */
    static Path dir(String location) {
        if (location.startsWith("oci:")) {
            String rest = location.substring(4);
            int colon = rest.indexOf(':');
            return Path.of(colon < 0 ? rest : rest.substring(0, colon));
        }
        return Path.of(location);
    }

    @Command(name = "ls", exitCodeOnExecutionException = 2, description = "List index.json entries: ref name, digest, media type, platforms.")
    static final class Ls implements Callable<Integer> {
        @Spec CommandSpec spec;
        @Parameters(paramLabel = "DIR") String location;

        @Override
        public Integer call() {
            return guarded(spec, this::list);
        }

        private int list() throws IOException {
            ImageLayout layout = ImageLayout.open(dir(location));
            PrintWriter out = spec.commandLine().getOut();
            out.printf("%-24s %-71s %-45s %s%n", "REF", "DIGEST", "MEDIA TYPE", "PLATFORMS");
            for (Descriptor d : layout.index().manifests()) {
                out.printf("%-24s %-71s %-45s %s%n", d.annotations().getOrDefault(RefName.ANNOTATION, "<none>"),
                        d.digest(), d.mediaType().map(MediaType::value).orElse("-"), platforms(layout, d));
            }
            return 0;
        }

        /** The entry's platform, else the config's, else the nested index's entries'. */
        private static String platforms(ImageLayout layout, Descriptor d) {
            if (d.platform().isPresent()) {
                return d.platform().get().format();
            }
            try {
                MediaType type = d.mediaType().orElse(null);
                if (type != null && type.isManifest()) {
                    Descriptor config = layout.readManifest(d).value().config();
                    return config.mediaType().filter(t -> t.equals(MediaType.OCI_CONFIG)
                            || t.equals(MediaType.DOCKER_CONFIG)).isPresent()
                            ? layout.readConfig(config).value().platform().format() : "-";
                }
                if (type != null && type.isIndex()) {
                    return layout.readIndex(d).value().manifests().stream()
                            .map(m -> m.platform().map(Platform::format).orElse("?"))
                            .collect(Collectors.joining(","));
                }
                return "-";
            } catch (Exception e) {
                return "? (" + e.getMessage() + ")";
            }
        }
    }

    @Command(name = "verify", exitCodeOnExecutionException = 2, description = "Check every referenced blob's size and digest, the documents and the"
            + " layers' diff_ids, and that every blob matches its name. Exit 0 when clean (warnings allowed), 1 when"
            + " there are errors, 2 when the layout cannot be read.")
    static final class Verify implements Callable<Integer> {
        @Spec CommandSpec spec;
        @Parameters(paramLabel = "DIR") String location;

        @Override
        public Integer call() {
            return guarded(spec, this::verify);
        }

        private int verify() throws IOException {
            LayoutVerification v = ImageLayout.open(dir(location)).verify();
            PrintWriter out = spec.commandLine().getOut();
            for (LayoutProblem p : v.problems()) {
                out.println(p);
            }
            out.printf("%d blobs, %d bytes checked: %s%n", v.blobsChecked(), v.bytesChecked(),
                    v.isValid() ? "valid" : v.errors().size() + " error(s)");
            return v.isValid() ? 0 : 1;
        }
    }

    @Command(name = "gc", exitCodeOnExecutionException = 2, description = "Delete blobs not reachable from index.json and stale temp files.")
    static final class Gc implements Callable<Integer> {
        @Spec CommandSpec spec;
        @Parameters(paramLabel = "DIR") String location;

        @Override
        public Integer call() {
            return guarded(spec, this::gc);
        }

        private int gc() throws IOException {
            GcResult r = ImageLayout.open(dir(location)).gc();
            PrintWriter out = spec.commandLine().getOut();
            for (Digest d : r.removedBlobs()) {
                out.println("removed " + d);
            }
            out.printf("removed %d blob(s) and %d temp file(s), freed %d bytes%n",
                    r.removedBlobs().size(), r.removedTempFiles(), r.bytesFreed());
            return 0;
        }
    }
}
