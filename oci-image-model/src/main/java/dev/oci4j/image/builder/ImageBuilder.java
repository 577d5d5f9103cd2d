package dev.oci4j.image.builder;

import dev.oci4j.image.Annotations;
import dev.oci4j.image.Descriptor;
import dev.oci4j.image.Digest;
import dev.oci4j.image.ExecutionConfig;
import dev.oci4j.image.History;
import dev.oci4j.image.ImageConfiguration;
import dev.oci4j.image.ImageManifest;
import dev.oci4j.image.Platform;
import dev.oci4j.image.RootFs;
import dev.oci4j.image.layer.Compression;
import dev.oci4j.image.layer.LayerEntry;
import dev.oci4j.image.layer.LayerWriter;
import dev.oci4j.image.layer.WrittenLayer;
import dev.oci4j.image.layout.Blob;
import dev.oci4j.image.layout.BlobWriter;
import dev.oci4j.image.layout.ImageLayout;
import dev.oci4j.image.layout.RefName;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Builds an image (image-spec manifest.md and config.md) from scratch or on a base image in a layout,
 * and writes its layers, configuration and manifest into an {@link ImageLayout}.
 *
 * <p>Reproducible by default: the same file contents and options give byte-identical blobs and
 * digests on every run, whatever the files' mtimes. Entries are sorted; files read from disk get uid
 * and gid 0 unless {@link #preserveOwnership} is on (build users' ids mean nothing in an image;
 * {@link #addEntries entry lists} keep the owners and times they state), and their mtimes are all
 * {@link #DEFAULT_FILE_TIME} (one second after the epoch, as Jib writes) unless
 * {@link #preserveFileTimes} asks for the real ones. With {@link #sourceDateEpoch} the config's
 * {@code created} and every history entry are that time and file mtimes are clamped to it instead
 * (reproducible-builds.org SOURCE_DATE_EPOCH). Without it, {@code created} is left out rather than
 * set to "now".
 *
 * <pre>{@code
 * BuiltImage image = ImageBuilder.fromScratch()
 *         .platform(Platform.parse("linux/amd64"))
 *         .sourceDateEpoch(Instant.ofEpochSecond(1700000000))
 *         .addLayer(Path.of("rootfs"))
 *         .cmd("/bin/sh", "-c", "echo hello")
 *         .writeTo(ImageLayout.openOrCreate(Path.of("out")), "v1");
 * }</pre>
 */
public final class ImageBuilder {

    private record Step(ChangesetSource layer, History history) {
    }

    private final BaseImage base;
    private Platform platform;
    private Compression compression = Compression.GZIP;
    private Integer compressionLevel;
    private Instant sourceDateEpoch;
    private Instant created;
    private boolean preserveOwnership;
    private boolean preserveFileTimes;
    private String author;
    private final List<Step> steps = new ArrayList<>();
    private final ConfigEdits edits = new ConfigEdits();
    private final Map<String, String> annotations = new TreeMap<>();
    private Descriptor subject;

    private ImageBuilder(BaseImage base) {
        this.base = base;
    }

    /** {@return an image with no base: only the layers added here} */
    public static ImageBuilder fromScratch() {
        return new ImageBuilder(null);
    }

    /**
     * An image on top of the image {@code refName} in {@code layout}: its layers come first (copied when
     * the target is another layout), and its configuration and history are inherited. When the name
     * points at an index, the entry for {@link #platform} (default: the host's) is used.
     *
     * @param layout the layout holding the base image
     * @param refName the base image's ref name in {@code layout}; resolved when the image is written
     * @return a builder on that base
     * @throws NullPointerException if an argument is null
     */
    public static ImageBuilder from(ImageLayout layout, String refName) {
        return new ImageBuilder(new BaseImage(Objects.requireNonNull(layout, "layout"),
                Objects.requireNonNull(refName, "refName"), null));
    }

    /**
     * Like {@link #from(ImageLayout, String)}, for the manifest or index {@code base} points at.
     *
     * @param layout the layout holding the base image
     * @param base the descriptor of the base's manifest or index
     * @return a builder on that base
     * @throws NullPointerException if an argument is null
     */
    public static ImageBuilder from(ImageLayout layout, Descriptor base) {
        Objects.requireNonNull(layout, "layout");
        return new ImageBuilder(new BaseImage(layout, base.digest().toString(), base));
    }

    /**
     * The platform; default: the base image's, or the host's ({@link Platform#host()}) from scratch.
     *
     * @param platform the image's platform, written into the config and the manifest descriptor
     * @return this builder
     */
    public ImageBuilder platform(Platform platform) {
        this.platform = Objects.requireNonNull(platform, "platform");
        return this;
    }

    /**
     * Layer compression at its default level; default gzip.
     *
     * @param compression the compression of the new layers
     * @return this builder
     */
    public ImageBuilder compression(Compression compression) {
        this.compression = Objects.requireNonNull(compression, "compression");
        this.compressionLevel = null;
        return this;
    }

    /**
     * Layer compression at {@code level} (gzip 0-9, zstd 1-22).
     *
     * @param compression the compression of the new layers
     * @param level the compression level
     * @return this builder
     * @throws IllegalArgumentException if {@code level} is outside the compression's range
     */
    public ImageBuilder compression(Compression compression, int level) {
        LayerWriter.builder().compression(compression, level); // checks the level now, not at write time
        this.compression = compression;
        this.compressionLevel = level;
        return this;
    }

    /**
     * SOURCE_DATE_EPOCH: {@code created} and history times become {@code time}; layer mtimes are clamped to it.
     *
     * @param time the build's time, usually from the SOURCE_DATE_EPOCH environment variable
     * @return this builder
     */
    public ImageBuilder sourceDateEpoch(Instant time) {
        this.sourceDateEpoch = Objects.requireNonNull(time, "time");
        return this;
    }

    /**
     * The config's {@code created} and history times, without touching layer mtimes; wins over {@link #sourceDateEpoch}.
     *
     * @param time the time the config's {@code created} (config.md) states
     * @return this builder
     */
    public ImageBuilder created(Instant time) {
        this.created = Objects.requireNonNull(time, "time");
        return this;
    }

    /** The mtime of every file read from disk unless times are preserved or {@link #sourceDateEpoch} is set. */
    public static final Instant DEFAULT_FILE_TIME = Instant.ofEpochSecond(1);

    /**
     * Keeps the mtimes of files read from disk (clamped to {@link #sourceDateEpoch} when set)
     * instead of {@link #DEFAULT_FILE_TIME} (default off): touching a file then changes the digest.
     *
     * @param preserve whether to keep the files' own mtimes
     * @return this builder
     */
    public ImageBuilder preserveFileTimes(boolean preserve) {
        this.preserveFileTimes = preserve;
        return this;
    }

    /**
     * Keeps the uid and gid of files read from disk instead of writing 0 (default off).
     *
     * @param preserve whether to keep the files' own uid and gid
     * @return this builder
     */
    public ImageBuilder preserveOwnership(boolean preserve) {
        this.preserveOwnership = preserve;
        return this;
    }

    /**
     * The config's {@code author}.
     *
     * @param author the name or email of the person or entity that created the image
     * @return this builder
     */
    public ImageBuilder author(String author) {
        this.author = Objects.requireNonNull(author, "author");
        return this;
    }

    /**
     * A layer holding every object below {@code dir}, placed at the image root.
     *
     * @param dir the directory, read when the image is written
     * @return this builder
     * @throws NullPointerException if {@code dir} is null
     */
    public ImageBuilder addLayer(Path dir) {
        return add(ChangesetSource.directory(dir), null);
    }

    /**
     * Like {@link #addLayer(Path)}, with the history entry's {@code created_by}.
     *
     * @param dir the directory, read when the image is written
     * @param createdBy the command the history entry names
     * @return this builder
     * @throws NullPointerException if an argument is null
     */
    public ImageBuilder addLayer(Path dir, String createdBy) {
        return add(ChangesetSource.directory(dir), Objects.requireNonNull(createdBy, "createdBy"));
    }

    /**
     * A layer holding one file at {@code pathInImage} (such as {@code /usr/local/bin/app}) and its parent directories.
     *
     * @param file the regular file, read when the image is written
     * @param pathInImage the file's absolute or relative path in the image
     * @return this builder
     * @throws IllegalArgumentException if {@code pathInImage} names the root or contains {@code ..}
     */
    public ImageBuilder addFile(Path file, String pathInImage) {
        return add(ChangesetSource.file(file, pathInImage), null);
    }

    /**
     * A layer of explicit entries (whiteouts and opaque directories included), owners as stated.
     *
     * @param entries the layer's entries, copied
     * @return this builder
     */
    public ImageBuilder addEntries(List<LayerEntry> entries) {
        return add(ChangesetSource.entries(entries), null);
    }

    /**
     * Like {@link #addEntries(List)}, with the history entry's {@code created_by}.
     *
     * @param entries the layer's entries, copied
     * @param createdBy the command the history entry names
     * @return this builder
     */
    public ImageBuilder addEntries(List<LayerEntry> entries, String createdBy) {
        return add(ChangesetSource.entries(entries), Objects.requireNonNull(createdBy, "createdBy"));
    }

    /**
     * A layer of the changes that turn directory {@code lower} into {@code upper}, with whiteouts for deletions.
     *
     * @param lower the directory as it was
     * @param upper the directory as it is
     * @return this builder
     * @throws NullPointerException if an argument is null
     */
    public ImageBuilder addDiff(Path lower, Path upper) {
        return add(ChangesetSource.diff(lower, upper), null);
    }

    private ImageBuilder add(ChangesetSource source, String createdBy) {
        History.Builder h = History.builder().createdBy(createdBy == null ? source.createdBy() : createdBy);
        steps.add(new Step(source, h.build()));
        return this;
    }

    /**
     * A history entry that adds no layer ({@code empty_layer: true}), such as a config change.
     *
     * @param createdBy the command the history entry names
     * @return this builder
     */
    public ImageBuilder addHistory(String createdBy) {
        return addHistory(History.builder().createdBy(createdBy).build());
    }

    /**
     * A history entry that adds no layer; {@code empty_layer} is set, {@code created} filled in when absent.
     *
     * @param entry the history entry
     * @return this builder
     */
    public ImageBuilder addHistory(History entry) {
        steps.add(new Step(null, entry.toBuilder().emptyLayer(true).build()));
        return this;
    }

    /**
     * {@code Entrypoint}; setting it without {@link #cmd} clears an inherited {@code Cmd}, as Dockerfile ENTRYPOINT does.
     *
     * @param args the entrypoint's arguments
     * @return this builder
     * @throws NullPointerException if {@code args} is or holds null, naming the index
     */
    public ImageBuilder entrypoint(String... args) {
        return entrypoint(Arrays.asList(Objects.requireNonNull(args, "entrypoint")));
    }

    /**
     * Sets {@code Entrypoint}, as {@link #entrypoint(String...)}.
     *
     * @param args the entrypoint's arguments, copied
     * @return this builder
     * @throws NullPointerException if {@code args} is or holds null, naming the index
     */
    public ImageBuilder entrypoint(List<String> args) {
        edits.entrypoint = copy(args, "entrypoint");
        return this;
    }

    /**
     * {@code Cmd}: default arguments, or the command when there is no entrypoint.
     *
     * @param args the command's arguments
     * @return this builder
     * @throws NullPointerException if {@code args} is or holds null, naming the index
     */
    public ImageBuilder cmd(String... args) {
        return cmd(Arrays.asList(Objects.requireNonNull(args, "cmd")));
    }

    /**
     * Sets {@code Cmd}, as {@link #cmd(String...)}.
     *
     * @param args the command's arguments, copied
     * @return this builder
     * @throws NullPointerException if {@code args} is or holds null, naming the index
     */
    public ImageBuilder cmd(List<String> args) {
        edits.cmd = copy(args, "cmd");
        return this;
    }

    /** A copy; a null element is named by its index ({@code cmd[1] is null}), not a bare NPE. */
    private static List<String> copy(List<String> args, String what) {
        Objects.requireNonNull(args, what);
        for (int i = 0; i < args.size(); i++) {
            if (args.get(i) == null) {
                throw new NullPointerException(what + "[" + i + "] is null");
            }
        }
        return List.copyOf(args);
    }

    /**
     * Sets variable {@code name} in {@code Env}, replacing an inherited value in place.
     *
     * @param name the variable's name
     * @param value the variable's value
     * @return this builder
     * @throws IllegalArgumentException if {@code name} is empty or holds {@code =}
     */
    public ImageBuilder putEnv(String name, String value) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(value, "value");
        if (name.isEmpty() || name.contains("=")) {
            throw new IllegalArgumentException("environment variable name \"" + name + "\" must be non-empty without '='");
        }
        edits.env.put(name, value);
        return this;
    }

    /**
     * {@code WorkingDir}.
     *
     * @param dir the working directory of the entrypoint's process
     * @return this builder
     */
    public ImageBuilder workingDir(String dir) {
        edits.workingDir = Objects.requireNonNull(dir, "dir");
        return this;
    }

    /**
     * {@code User}: {@code user}, {@code uid}, {@code user:group}, {@code uid:gid}, ...
     *
     * @param user the user the process runs as
     * @return this builder
     */
    public ImageBuilder user(String user) {
        edits.user = Objects.requireNonNull(user, "user");
        return this;
    }

    /**
     * Adds or replaces one of {@code Labels}.
     *
     * @param key the label's key
     * @param value the label's value
     * @return this builder
     */
    public ImageBuilder putLabel(String key, String value) {
        edits.labels.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, "value"));
        return this;
    }

    /**
     * Adds to {@code ExposedPorts}: {@code port/tcp}, {@code port/udp}, or a bare port meaning tcp.
     *
     * @param port the port, such as {@code 8080/tcp} or {@code 8080}
     * @return this builder
     * @throws IllegalArgumentException if {@code port} is not {@code port}, {@code port/tcp}, {@code port/udp} or {@code port/sctp}
     */
    public ImageBuilder addExposedPort(String port) {
        Objects.requireNonNull(port, "port");
        String p = port.contains("/") ? port : port + "/tcp";
        if (!p.matches("[0-9]+/(tcp|udp|sctp)")) {
            throw new IllegalArgumentException("exposed port \"" + port + "\" is not port/tcp, port/udp or port");
        }
        edits.exposedPorts.add(p);
        return this;
    }

    /**
     * Adds to {@code Volumes}.
     *
     * @param path the path in the container where a volume goes
     * @return this builder
     */
    public ImageBuilder addVolume(String path) {
        edits.volumes.add(Objects.requireNonNull(path, "path"));
        return this;
    }

    /**
     * {@code StopSignal}, such as {@code SIGTERM}.
     *
     * @param signal the system call signal that stops the container
     * @return this builder
     */
    public ImageBuilder stopSignal(String signal) {
        edits.stopSignal = Objects.requireNonNull(signal, "signal");
        return this;
    }

    /**
     * A manifest annotation.
     *
     * @param key the annotation key
     * @param value the annotation value
     * @return this builder
     */
    public ImageBuilder putAnnotation(String key, String value) {
        annotations.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, "value"));
        return this;
    }

    /**
     * The manifest's {@code subject}: the image this one refers to.
     *
     * @param subject the descriptor of the image this one refers to
     * @return this builder
     */
    public ImageBuilder subject(Descriptor subject) {
        this.subject = Objects.requireNonNull(subject, "subject");
        return this;
    }

    /**
     * Writes the image into {@code layout} and names it {@code refName} in index.json. Every input is
     * checked first: a bad name, a missing base or a missing layer source stores nothing.
     *
     * @param layout the layout to write into
     * @param refName the ref name
     * @return the manifest and configuration with their descriptors
     * @throws IllegalArgumentException when {@code refName} does not match the ref grammar
     * @throws IOException if reading a base or a layer source, or writing the layout, fails
     */
    public BuiltImage writeTo(ImageLayout layout, String refName) throws IOException {
        RefName.check(refName);
        BuiltImage image = write(layout);
        layout.tag(refName, image.manifestDescriptor());
        return image;
    }

    /**
     * Writes layers, configuration and manifest into {@code layout} without naming the image; like
     * {@link #writeTo}, it checks every input before storing anything.
     *
     * @param layout the layout to write into
     * @return the manifest and configuration with their descriptors
     * @throws IOException if reading a base or a layer source, or writing the layout, fails
     * @throws IllegalArgumentException if the base image is not in the layout or has no manifest for the platform
     */
    public BuiltImage write(ImageLayout layout) throws IOException {
        Objects.requireNonNull(layout, "layout");
        return prepare().write(layout);
    }

    /** The inputs, checked and the base resolved (read only): what {@link Prepared#write} needs. */
    Prepared prepare() throws IOException {
        BaseImage.Resolved from = base == null ? null : base.resolve(platform);
        for (Step step : steps) {
            if (step.layer() != null) {
                step.layer().check();
            }
        }
        Platform p = platform != null ? platform : from != null ? from.config().platform() : Platform.host();
        return new Prepared(from, p);
    }

    /** A build whose inputs were checked; writing it is the first thing that touches the layout. */
    final class Prepared {
        private final BaseImage.Resolved from;
        private final Platform platform;

        private Prepared(BaseImage.Resolved from, Platform platform) {
            this.from = from;
            this.platform = platform;
        }

        Platform platform() {
            return platform;
        }

        BuiltImage write(ImageLayout layout) throws IOException {
            return writeChecked(layout, from, platform);
        }
    }

    private BuiltImage writeChecked(ImageLayout layout, BaseImage.Resolved from, Platform p) throws IOException {
        Instant time = created != null ? created : sourceDateEpoch;

        ImageConfiguration.Builder config = from == null ? ImageConfiguration.builder() : from.config().toBuilder();
        config.platform(p).clearCreated(); // an inherited time would lie about this image
        if (time != null) {
            config.created(time);
        }
        if (author != null) {
            config.author(author);
        }
        List<Descriptor> layers = new ArrayList<>();
        RootFs.Builder rootfs = RootFs.builder();
        List<History> history = new ArrayList<>();
        if (from != null) {
            layers.addAll(from.copyLayersInto(layout));
            from.config().rootfs().diffIds().forEach(rootfs::addDiffId);
            history.addAll(from.config().history());
        }
        LayerWriter.Builder writers = compressionLevel == null
                ? LayerWriter.builder().compression(compression)
                : LayerWriter.builder().compression(compression, compressionLevel);
        writers.sortEntries(true);
        if (sourceDateEpoch != null) {
            writers.clampMtime(sourceDateEpoch);
        }
        // Real file times make a touched file a new digest; they are fixed unless asked for or clamped.
        if (!preserveFileTimes && sourceDateEpoch == null) {
            writers.fixedMtime(DEFAULT_FILE_TIME);
        }
        LayerWriter fromDisk = writers.rootOwnership(!preserveOwnership).build();
        LayerWriter asGiven = writers.rootOwnership(false).clearFixedMtime().build();
        for (Step step : steps) {
            History.Builder h = step.history().toBuilder();
            if (time != null && step.history().created().isEmpty()) {
                h.created(time);
            }
            history.add(h.build());
            if (step.layer() != null) {
                LayerDescription written = writeLayer(layout, step.layer(), fromDisk, asGiven);
                layers.add(written.descriptor());
                rootfs.addDiffId(written.diffId());
            }
        }
        config.rootfs(rootfs.build()).history(history).config(edits.applyTo(
                from == null ? ExecutionConfig.EMPTY : from.config().config()));
        ImageConfiguration builtConfig = config.build();
        Descriptor configDescriptor = layout.writeConfig(builtConfig);

        ImageManifest.Builder manifest = ImageManifest.builder().config(configDescriptor).layers(layers);
        Map<String, String> manifestAnnotations = new TreeMap<>(annotations);
        if (from != null) {
            manifestAnnotations.putIfAbsent(Annotations.BASE_DIGEST, from.manifest().digest().toString());
        }
        manifest.annotations(manifestAnnotations);
        if (subject != null) {
            manifest.subject(subject);
        }
        ImageManifest builtManifest = manifest.build();
        Descriptor manifestDescriptor = layout.writeManifest(builtManifest).toBuilder().platform(p).build();
        return new BuiltImage(manifestDescriptor, builtManifest, configDescriptor, builtConfig);
    }

    /**
     * Writes one layer into a blob of {@code layout} and describes it by the stored blob: the layer
     * writer takes the blob digest from the blob writer (one SHA-256 pass), and the commit names the
     * file by the same digest, which is checked rather than assumed.
     */
    private static LayerDescription writeLayer(ImageLayout layout, ChangesetSource source, LayerWriter fromDisk,
            LayerWriter asGiven) throws IOException {
        try (BlobWriter out = layout.newBlobWriter()) {   // closed without commit when writing fails: discarded
            WrittenLayer written = source.write(fromDisk, asGiven, out);
            Blob blob = out.commit();
            if (!blob.digest().equals(written.digest()) || blob.size() != written.size()) {
                throw new IllegalStateException("layer writer reported " + written.digest() + " (" + written.size()
                        + " bytes) but the stored blob is " + blob.digest() + " (" + blob.size() + " bytes)");
            }
            return new LayerDescription(blob.descriptor(written.mediaType()), written.diffId());
        }
    }

    private record LayerDescription(Descriptor descriptor, Digest diffId) {
    }
}
