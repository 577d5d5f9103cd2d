package dev.oci4j.linux.internal.cli;

import java.util.Map;
import java.util.Optional;

/**
 * The shim that becomes the parent of a container's process, so that its exit status is not lost
 * when the runtime's {@code create} (or {@code exec --detach}) returns and leaves the process behind.
 *
 * <p>It is a few lines of Perl run by {@code perl-base}, an Essential package on Debian and Ubuntu
 * (always installed): it makes itself a child subreaper ({@code prctl(PR_SET_CHILD_SUBREAPER)}),
 * starts its own session (a Ctrl-C for the JVM does not reach the container), connects back to
 * the JVM on a Unix socket, runs the runtime command, reports {@code created PID} (from the
 * runtime's {@code --pid-file}) and, when the orphaned container process ends, {@code exit STATUS}
 * with the raw wait status: an exit code and a killing signal stay distinct. The container's stdio
 * is the shim's own, so pipes and files given to the shim reach the container unchanged.
 *
 * <p>Why not the JVM as subreaper: every orphan of every child of the JVM (a build tool's) would
 * become the JVM's zombie. Why not {@code runc run} in the foreground: it folds a signal death
 * into 128+N, and it cannot stop at "created".
 */
final class ShimScript {

    /** prctl(2) syscall numbers; the shim calls it through Perl's syscall(). */
    private static final Map<String, Integer> PRCTL = Map.of(
            "amd64", 157, "x86_64", 157, "aarch64", 167, "riscv64", 167, "ppc64le", 171, "s390x", 172);
    /** setsid(2) syscall numbers, for the same architectures. */
    private static final Map<String, Integer> SETSID = Map.of(
            "amd64", 112, "x86_64", 112, "aarch64", 157, "riscv64", 157, "ppc64le", 66, "s390x", 66);

    static final String SOURCE = String.join("\n",
            // No "use Socket" or "use POSIX": loading them costs more than the rest of the shim
            // (about 40 ms a container on a busy machine). AF_UNIX and SOCK_STREAM are 1 on every
            // architecture in the tables; a sockaddr_un is a native unsigned short and the path.
            "use strict;",
            "my ($nr, $setsid, $sock, $pidfile, @cmd) = @ARGV;",
            "syscall($setsid + 0) >= 0 or die \"oci4j shim: setsid: $!\\n\";",
            "syscall($nr, 36, 1, 0, 0, 0) == 0 or die \"oci4j shim: prctl(PR_SET_CHILD_SUBREAPER): $!\\n\";",
            "socket(my $c, 1, 1, 0) or die \"oci4j shim: socket: $!\\n\";",
            "connect($c, pack('S Z*', 1, $sock)) or die \"oci4j shim: connect $sock: $!\\n\";",
            "my $old = select($c); $| = 1; select($old);",
            "my $child = fork() // die \"oci4j shim: fork: $!\\n\";",
            "if ($child == 0) { exec { $cmd[0] } @cmd; print STDERR \"oci4j shim: exec $cmd[0]: $!\\n\"; exit 127; }",
            "waitpid($child, 0);",
            "if ($? != 0) { print $c \"failed $?\\n\"; exit 0; }",
            "open(my $f, '<', $pidfile) or do { print $c \"failed nopid\\n\"; exit 0; };",
            "my $pid = <$f>; close $f; $pid =~ s/\\s+//g;",
            "print $c \"created $pid\\n\";",
            "while (1) {",
            "  my $w = waitpid(-1, 0);",
            "  if ($w == -1) { print $c \"lost\\n\"; last; }",
            "  if ($w == $pid) { print $c \"exit $?\\n\"; last; }",
            "}",
            "");

    private ShimScript() {
    }

    /** The setsid syscall number on this machine, empty on an architecture the table lacks. */
    static Optional<Integer> setsidNumber() {
        return Optional.ofNullable(SETSID.get(System.getProperty("os.arch")));
    }

    /** The prctl syscall number on this machine, empty on an architecture the table lacks. */
    static Optional<Integer> prctlNumber() {
        return Optional.ofNullable(PRCTL.get(System.getProperty("os.arch")));
    }
}
