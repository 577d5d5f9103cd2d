package dev.oci4j.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oci4j.image.Digest;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/** The CLI's progress line: drawn in place on a terminal, nothing at all otherwise. */
class ProgressBarTest {

    static final Digest A = Digest.sha256(new byte[] {1});
    static final Digest B = Digest.sha256(new byte[] {2});

    @Test
    void offATerminalItWritesNothing() {
        StringWriter out = new StringWriter();
        try (ProgressBar bar = new ProgressBar(new PrintWriter(out), false)) {
            bar.progress(A, 0, 10);
            bar.progress(A, 10, 10);
            bar.skipped(B, 5);
        }
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void underTestTheProcessIsNotOnATerminal() {
        // Surefire's forks have no console: the CLI tests that assert an empty stderr rely on this.
        assertThat(ProgressBar.isTerminal()).isFalse();
    }

    @Test
    void onATerminalItRedrawsOneLineAndEndsIt() {
        StringWriter out = new StringWriter();
        ProgressBar bar = new ProgressBar(new PrintWriter(out), true);
        bar.progress(A, 0, 4 * 1024 * 1024);
        assertThat(bar.line()).isEqualTo("blobs 0/1 [........................] 0.0 KiB / 4.0 MiB");
        bar.progress(A, 2 * 1024 * 1024, 4 * 1024 * 1024);
        bar.skipped(B, 1024);
        assertThat(bar.line()).isEqualTo("blobs 1/2 [############............] 2.0 MiB / 4.0 MiB");
        bar.progress(A, 4 * 1024 * 1024, 4 * 1024 * 1024);
        bar.close();
        bar.close();
        bar.progress(A, 1, 1);
        String text = out.toString();
        assertThat(text).startsWith("\r").endsWith("blobs 2/2 [########################] 4.0 MiB / 4.0 MiB"
                + System.lineSeparator());
        assertThat(text.chars().filter(c -> c == '\n').count()).as("one line, redrawn in place").isEqualTo(1);
    }

    @Test
    void nothingTransferredDrawsNothing() {
        StringWriter out = new StringWriter();
        new ProgressBar(new PrintWriter(out), true).close();
        assertThat(out.toString()).isEmpty();
    }
}
