package dev.oci4j.examples;

import dev.oci4j.image.Descriptor;
import dev.oci4j.image.Digest;
import dev.oci4j.image.ImageConfiguration;
import dev.oci4j.image.ImageManifest;
import dev.oci4j.image.MediaType;
import dev.oci4j.image.Parsed;
import dev.oci4j.image.Platform;
import dev.oci4j.image.builder.ImageUnpacker;
import dev.oci4j.image.layout.ImageLayout;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code oci inspect}: prints an image's manifest digest, layers and configuration as JSON. */
@Command(name = "inspect", mixinStandardHelpOptions = true,
        description = "Print an image's manifest digest, platform, layers (with diffIDs), configuration and manifest as JSON.",
        exitCodeListHeading = "Exit codes:%n",
        exitCodeList = {"0:printed", "1:the image could not be read", "2:usage error"})
final class InspectCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "oci:DIR[:REF]", description = "the image; REF may be left out when the layout holds one image")
    String image;

    @Option(names = "--platform", paramLabel = "OS/ARCH[/VARIANT]", description = "which image of an index; default: this machine's")
    String platform;

    @Override
    public Integer call() {
        ImageLocation location;
        Platform wanted;
        try {
            location = ImageLocation.parse(image);
            wanted = platform == null ? Platform.host() : Platform.parse(platform);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        try {
            ImageLayout layout = location.openLayout();
            Descriptor entry = location.resolve(layout);
            Descriptor manifestDescriptor = ImageUnpacker.manifestFor(layout, entry, wanted);
            Parsed<ImageManifest> manifest = layout.parseManifest(manifestDescriptor);
            PrintWriter out = spec.commandLine().getOut();
            out.println(JsonText.pretty(json(location, layout, entry, manifestDescriptor, manifest)));
            out.flush();
            return 0;
        } catch (IOException | RuntimeException e) {
            return CliErrors.fail(spec.commandLine().getErr(), "inspect", e);
        }
    }

    private static String json(ImageLocation location, ImageLayout layout, Descriptor entry, Descriptor manifestDescriptor,
            Parsed<ImageManifest> manifest) throws IOException {
        ImageManifest m = manifest.value();
        Descriptor configDescriptor = m.config();
        boolean imageConfig = configDescriptor.mediaType().map(t -> t.equals(MediaType.OCI_CONFIG)
                || t.equals(MediaType.DOCKER_CONFIG)).orElse(false);
        Parsed<ImageConfiguration> config = imageConfig ? layout.parseConfig(configDescriptor) : null;
        List<Digest> diffIds = config == null ? List.of() : config.value().rootfs().diffIds();

        StringBuilder j = new StringBuilder("{");
        j.append("\"location\":").append(JsonText.quote(location.toString()));
        j.append(",\"digest\":").append(JsonText.quote(manifestDescriptor.digest().toString()));
        j.append(",\"mediaType\":").append(JsonText.quote(
                manifestDescriptor.mediaType().map(MediaType::value).orElse(MediaType.OCI_MANIFEST.value())));
        j.append(",\"size\":").append(manifestDescriptor.size());
        if (!entry.digest().equals(manifestDescriptor.digest())) {
            j.append(",\"index\":").append(JsonText.quote(entry.digest().toString()));
        }
        m.artifactType().ifPresent(t -> j.append(",\"artifactType\":").append(JsonText.quote(t.value())));
        if (config != null) {
            j.append(",\"platform\":").append(JsonText.quote(config.value().platform().format()));
        }
        j.append(",\"layers\":[");
        for (int i = 0; i < m.layers().size(); i++) {
            Descriptor l = m.layers().get(i);
            j.append(i == 0 ? "{" : ",{");
            j.append("\"mediaType\":").append(JsonText.quote(l.mediaType().map(MediaType::value).orElse("")));
            j.append(",\"digest\":").append(JsonText.quote(l.digest().toString()));
            j.append(",\"size\":").append(l.size());
            if (i < diffIds.size()) {
                j.append(",\"diffID\":").append(JsonText.quote(diffIds.get(i).toString()));
            }
            j.append('}');
        }
        j.append(']');
        if (config != null) {
            j.append(",\"config\":").append(new String(config.bytes(), StandardCharsets.UTF_8));
        } else {
            j.append(",\"configDescriptor\":").append(JsonText.quote(configDescriptor.digest().toString()));
        }
        j.append(",\"manifest\":").append(new String(manifest.bytes(), StandardCharsets.UTF_8));
        return j.append('}').toString();
    }
}
