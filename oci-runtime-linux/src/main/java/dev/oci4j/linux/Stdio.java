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

    /**
     * Pipes: write {@link Container#stdin()}, read {@link Container#stdout()} and {@link Container#stderr()}.
     *
     * @return the redirects
     */
    public static Stdio pipes() {
        return new Stdio(Redirect.PIPE, Redirect.PIPE, Redirect.PIPE);
    }

    /** {@return this JVM's own standard input, output and error} */
    public static Stdio inherit() {
        return new Stdio(Redirect.INHERIT, Redirect.INHERIT, Redirect.INHERIT);
    }

    /**
     * Input from {@code /dev/null}, output and error appended to files.
     *
     * @param stdout the file standard output is appended to, created when missing
     * @param stderr the file standard error is appended to, created when missing
     * @return the redirects
     */
    public static Stdio files(Path stdout, Path stderr) {
        return new Stdio(Redirect.from(Path.of("/dev/null").toFile()), Redirect.appendTo(stdout.toFile()),
                Redirect.appendTo(stderr.toFile()));
    }

    /** {@return input from {@code /dev/null}, output and error discarded} */
    public static Stdio discard() {
        return new Stdio(Redirect.from(Path.of("/dev/null").toFile()), Redirect.DISCARD, Redirect.DISCARD);
    }

    /**
     * Any combination of redirects.
     *
     * @param in where standard input comes from
     * @param out where standard output goes
     * @param err where standard error goes
     * @return the redirects
     * @throws NullPointerException when an argument is null
     */
    public static Stdio of(Redirect in, Redirect out, Redirect err) {
        return new Stdio(Objects.requireNonNull(in, "in"), Objects.requireNonNull(out, "out"),
                Objects.requireNonNull(err, "err"));
    }

    /** {@return where standard input comes from} */
    public Redirect in() {
        return in;
    }

    /** {@return where standard output goes} */
    public Redirect out() {
        return out;
    }

    /** {@return where standard error goes} */
    public Redirect err() {
        return err;
    }
}
