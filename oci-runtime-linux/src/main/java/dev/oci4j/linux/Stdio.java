package dev.oci4j.linux;

import java.lang.ProcessBuilder.Redirect;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Where a container's standard input, output and error go: pipes read and written through the
 * {@link Container}'s streams, this JVM's own stdio, files, or nowhere.
 */
public final class Stdio {

    private final Redirect in;
    private final Redirect out;
    private final Redirect err;

    private Stdio(Redirect in, Redirect out, Redirect err) {
        this.in = in;
        this.out = out;
        this.err = err;
    }

    /** Pipes: write {@link Container#stdin()}, read {@link Container#stdout()} and {@link Container#stderr()}. */
    public static Stdio pipes() {
        return new Stdio(Redirect.PIPE, Redirect.PIPE, Redirect.PIPE);
    }

    /** This JVM's own standard input, output and error. */
    public static Stdio inherit() {
        return new Stdio(Redirect.INHERIT, Redirect.INHERIT, Redirect.INHERIT);
    }

    /** Input from {@code /dev/null}, output and error appended to files. */
    public static Stdio files(Path stdout, Path stderr) {
        return new Stdio(Redirect.from(Path.of("/dev/null").toFile()), Redirect.appendTo(stdout.toFile()),
                Redirect.appendTo(stderr.toFile()));
    }

    /** Input from {@code /dev/null}, output and error discarded. */
    public static Stdio discard() {
        return new Stdio(Redirect.from(Path.of("/dev/null").toFile()), Redirect.DISCARD, Redirect.DISCARD);
    }

    /** Any combination of redirects. */
    public static Stdio of(Redirect in, Redirect out, Redirect err) {
        return new Stdio(Objects.requireNonNull(in, "in"), Objects.requireNonNull(out, "out"),
                Objects.requireNonNull(err, "err"));
    }

    public Redirect in() {
        return in;
    }

    public Redirect out() {
        return out;
    }

    public Redirect err() {
        return err;
    }
}
