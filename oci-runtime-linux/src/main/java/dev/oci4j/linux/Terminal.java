package dev.oci4j.linux;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * The terminal of a container's process or of an exec'd one ({@link Stdio#terminal()}): the master
 * side of the pseudo-terminal the runtime made, whose slave side is the process's standard input,
 * output and error. What the process writes to either output arrives merged on
 * {@link #inputStream()}, as a terminal shows it (with the terminal's own echo of the input and
 * {@code \r\n} line ends); what is written to {@link #outputStream()} is what the process reads, as if
 * typed. The input stream ends when the last process holding the terminal has ended.
 *
 * <pre>{@code
 * try (Container c = runtime.create("shell", bundle.dir(), Stdio.terminal())) {
 *     c.terminal().orElseThrow().resize(120, 40);
 *     c.start();
 *     c.terminal().orElseThrow().outputStream().write("stty size; exit\n".getBytes());
 * }
 * }</pre>
 */
public interface Terminal extends Closeable {

    /**
     * What the process writes to the terminal.
     *
     * @return the stream, the same one on every call; it ends (returns -1) once no process holds
     *     the terminal, or when the terminal is closed
     */
    InputStream inputStream();

    /**
     * What the process reads from the terminal, as if typed.
     *
     * @return the stream, the same one on every call; closing it closes nothing, since the process's
     *     input is the terminal itself (write {@code ^D}, byte 4, for an end of file in canonical mode)
     */
    OutputStream outputStream();

    /**
     * Sets the terminal's window size (the {@code TIOCSWINSZ} ioctl), which the process sees with
     * {@code stty size} and, when it already runs, as {@code SIGWINCH}.
     *
     * @param columns the width in characters, 1 to 65535
     * @param rows the height in lines, 1 to 65535
     * @throws IllegalArgumentException when a size is outside 1 to 65535
     * @throws IOException when the terminal is closed or the kernel refuses the size
     */
    void resize(int columns, int rows) throws IOException;

    /**
     * Closes this side of the terminal: the processes on it get {@code SIGHUP} and the input stream
     * ends. Closing twice does nothing.
     *
     * @throws IOException when the kernel reports an error while closing
     */
    @Override
    void close() throws IOException;
}
