package dev.oci4j.examples;

import dev.oci4j.linux.Terminal;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.ProcessBuilder.Redirect;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * {@code oci run -t} and {@code oci exec -t}: this process's stdin typed into a container's
 * terminal and the terminal's output copied to stdout. When stdin and stdout are a terminal
 * themselves, it is put in raw mode for the session (so Ctrl-C, Ctrl-D and line editing reach the
 * container, as with {@code docker run -it}) and its size is given to the container's terminal.
 */
final class TerminalSession implements AutoCloseable {

    private static final Path TTY = Path.of("/dev/tty");

    private final Optional<String> saved;

    private TerminalSession(Optional<String> saved) {
        this.saved = saved;
    }

    /** Sizes {@code terminal} like the host's and makes the host's raw, when this process runs on one. */
    static TerminalSession open(Terminal terminal) throws IOException {
        if (System.console() == null || !Files.isReadable(TTY)) {
            return new TerminalSession(Optional.empty());
        }
        String[] size = stty("size").trim().split("\\s+");
        if (size.length == 2 && size[0].matches("\\d+") && size[1].matches("\\d+")
                && Integer.parseInt(size[0]) > 0 && Integer.parseInt(size[1]) > 0) {
            terminal.resize(Integer.parseInt(size[1]), Integer.parseInt(size[0]));
        }
        String settings = stty("-g").trim();
        stty("raw", "-echo");
        return new TerminalSession(Optional.of(settings));
    }

    /**
     * Copies stdin to the terminal on a daemon thread and the terminal to stdout here, until the
     * terminal ends (no process holds it any more).
     */
    void copy(Terminal terminal, InputStream stdin, OutputStream stdout) throws IOException {
        Thread typing = new Thread(() -> {
            byte[] buf = new byte[1024];
            try {
                for (int n; (n = stdin.read(buf)) >= 0; ) {
                    terminal.outputStream().write(buf, 0, n);
                }
            } catch (IOException e) {
                // the container's terminal is gone: nothing left to type into
            }
        }, "oci-terminal-input");
        typing.setDaemon(true);
        typing.start();
        byte[] buf = new byte[8192];
        InputStream shown = terminal.inputStream();
        for (int n; (n = shown.read(buf)) >= 0; ) {
            stdout.write(buf, 0, n);
            stdout.flush();
        }
    }

    /** Gives the host's terminal its settings back. */
    @Override
    public void close() throws IOException {
        if (saved.isPresent()) {
            stty(saved.get());
        }
    }

    private static String stty(String... args) throws IOException {
        List<String> cmd = new java.util.ArrayList<>(List.of("stty"));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectInput(Redirect.from(TTY.toFile()))
                .redirectError(Redirect.INHERIT).start();
        byte[] out = p.getInputStream().readAllBytes();
        try {
            if (p.waitFor() != 0) {
                throw new IOException(String.join(" ", cmd) + " exited " + p.exitValue());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(String.join(" ", cmd) + ": interrupted", e);
        }
        return new String(out, StandardCharsets.UTF_8);
    }
}
