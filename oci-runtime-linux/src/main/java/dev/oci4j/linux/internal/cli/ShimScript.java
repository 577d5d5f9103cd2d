package dev.oci4j.linux.internal.cli;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The shim that becomes the parent of a container's process, so that its exit status is not lost
 * when the runtime's {@code create} (or {@code exec --detach}) returns and leaves the process behind.
 *
 * <p>It is a few lines of Perl run by {@code perl-base}, an Essential package on Debian and Ubuntu
 * (always installed): it makes itself a child subreaper ({@code prctl(PR_SET_CHILD_SUBREAPER)}),
 * starts its own session (a Ctrl-C for the JVM does not reach the container), connects back to
 * the JVM on a Unix socket, reads the runtime command from it (so a shim can be started before it
 * is needed, off the container's critical path), runs it, reports {@code created PID} (from the
 * runtime's {@code --pid-file}, with the process's {@code /proc/PID/cgroup}) and, when the orphaned container process ends, {@code exit STATUS}
 * with the raw wait status: an exit code and a killing signal stay distinct (having first let go of the
 * container's stdio, so that the JVM reads its output to the end at once). A process that has already
 * ended when the runtime's command returns gets both lines in one write. Then it runs one more
 * command if the JVM sends one (the runtime's {@code delete} after {@code run}, once the JVM has read
 * the cgroup's OOM count) and reports {@code done STATUS}. The container's stdio is the shim's own,
 * so pipes and files given to the shim reach the container unchanged.
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

    /**
     * unshare(2), mount(2) and umount2(2) numbers, for the architectures whose numbers are checked;
     * elsewhere crun's hybrid-cgroup set-up goes through the unshare(1) wrapper instead.
     */
    private static final Map<String, int[]> DETACH = Map.of(
            "amd64", new int[] {272, 165, 166}, "x86_64", new int[] {272, 165, 166},
            "aarch64", new int[] {97, 40, 39}, "riscv64", new int[] {97, 40, 39});

    static final String SOURCE = String.join("\n",
            // No "use Socket" or "use POSIX": loading them costs more than the rest of the shim
            // (about 40 ms a container on a busy machine). AF_UNIX and SOCK_STREAM are 1 on every
            // architecture in the tables; a sockaddr_un is a native unsigned short and the path.
            "use strict;",
            "my ($nr, $setsid, $sock, $unshare, $mount, $umount2) = @ARGV;",
            "syscall($setsid + 0) >= 0 or die \"oci4j shim: setsid: $!\\n\";",
            "syscall($nr, 36, 1, 0, 0, 0) == 0 or die \"oci4j shim: prctl(PR_SET_CHILD_SUBREAPER): $!\\n\";",
            "socket(my $c, 1, 1, 0) or die \"oci4j shim: socket: $!\\n\";",
            "connect($c, pack('S Z*', 1, $sock)) or die \"oci4j shim: connect $sock: $!\\n\";",
            "my $old = select($c); $| = 1; select($old);",
            // Started ahead of need, the shim waits here for its command: pid file, a cgroup2 mount to
            // detach ("-" for none), then argv, each in hex (an argument may hold a newline), separated
            // by spaces.
            "my $line = <$c>;",
            "defined $line or exit 0;",
            "chomp $line;",
            "my @w = split / /, $line;",
            "my $pidfile = pack('H*', shift @w);",
            "my $dm = shift @w; my $detach = $dm eq '-' ? '' : pack('H*', $dm);",
            "my @cmd = map { pack('H*', $_) } @w;",
            "my $child = fork() // die \"oci4j shim: fork: $!\\n\";",
            // crun on a hybrid cgroup host: a private mount namespace without the cgroup2 mount, made
            // here rather than by unshare(1), sh and umount(8), three process starts fewer. CLONE_NEWNS
            // is 0x20000, MS_REC|MS_PRIVATE 0x44000, MNT_DETACH 2; the first failure is reported.
            "if ($child == 0) {",
            "  if ($detach ne '') {",
            "    syscall($unshare + 0, 0x20000) == 0 or do { print $c \"failed unshare(CLONE_NEWNS): $!\\n\"; exit 126; };",
            // syscall() wants writable strings for its pointers: a variable, not a literal.
            "    my $slash = '/';",
            "    syscall($mount + 0, 0, $slash, 0, 0x44000, 0) == 0"
                    + " or do { print $c \"failed making / private: $!\\n\"; exit 126; };",
            "    syscall($umount2 + 0, $detach, 2) == 0"
                    + " or do { print $c \"failed detaching $detach: $!\\n\"; exit 126; };",
            // crun still creates DIR/ID/cgroup.procs there for the 0:: line of /proc/self/cgroup; on the
            // host's own tmpfs those files outlive the container (crun delete, in the host's namespace,
            // never sees them). A tmpfs of the namespace's own takes them and goes with it.
            // MS_NOSUID|MS_NODEV|MS_NOEXEC is 0xe.
            "    my $tmpfs = 'tmpfs';",
            "    syscall($mount + 0, $tmpfs, $detach, $tmpfs, 0xe, 0) == 0"
                    + " or do { print $c \"failed mounting a tmpfs on $detach: $!\\n\"; exit 126; };",
            "  }",
            "  exec { $cmd[0] } @cmd; print STDERR \"oci4j shim: exec $cmd[0]: $!\\n\"; exit 127;",
            "}",
            "waitpid($child, 0);",
            "if ($? != 0) { print $c \"failed $?\\n\"; exit 0; }",
            "open(my $f, '<', $pidfile) or do { print $c \"failed nopid\\n\"; exit 0; };",
            "my $pid = <$f>; close $f; $pid =~ s/\\s+//g;",
            // The process's cgroups, read before anything here can reap it (it may have ended already,
            // a zombie until the loop below): the JVM finds the memory cgroup's OOM count from them.
            "my $cg = ''; if (open(my $g, '<', \"/proc/$pid/cgroup\")) { local $/; $cg = <$g> // ''; close $g; }",
            "my $created = \"created $pid \" . unpack('H*', $cg) . \"\\n\";",
            // A short-lived process has often ended by now: reaped here without blocking (WNOHANG is 1),
            // its status goes out with the report, in one write and one wake-up of the JVM instead of two.
            "my $st;",
            "while ((my $w = waitpid(-1, 1)) > 0) { if ($w == $pid) { $st = $?; last; } }",
            "if (!defined $st) {",
            "  print $c $created; $created = '';",
            "  while (1) {",
            "    my $w = waitpid(-1, 0);",
            "    if ($w == -1) { print $c \"lost\\n\"; exit 0; }",
            "    if ($w == $pid) { $st = $?; last; }",
            "  }",
            "}",
            // Give back the container's stdio before reporting: the JVM reads its output to the end of
            // file, which must not wait for the delete that follows.
            "open(STDIN, '<', '/dev/null'); open(STDOUT, '>', '/dev/null'); open(STDERR, '>', '/dev/null');",
            "print $c $created . \"exit $st\\n\";",
            // After the exit, the JVM may ask for one more command (the runtime's delete, for run):
            // output file, then argv. One process fewer for the JVM to start.
            "my $next = <$c>;",
            "defined $next && $next ne \"\\n\" or exit 0;",
            "chomp $next;",
            "my ($out, @after) = map { pack('H*', $_) } split / /, $next;",
            "my $d = fork() // die \"oci4j shim: fork: $!\\n\";",
            // O_WRONLY|O_CREAT|O_EXCL (1|0100|0200, the generic values): never truncate a file that exists.
            "if ($d == 0) { open(STDIN, '<', '/dev/null'); sysopen(my $o, $out, 1 | 0100 | 0200, 0600) or exit 126;"
                    + " open(STDOUT, '>&', $o); open(STDERR, '>&', $o); exec { $after[0] } @after; exit 127; }",
            "while (1) { my $w = waitpid(-1, 0); if ($w == -1 || $w == $d) { print $c \"done $?\\n\"; last; } }",
            "");

    private ShimScript() {
    }

    /**
     * The shim's command line: the pid file, the cgroup2 mount its child detaches in a private mount
     * namespace before running {@code command} (empty for none), then the command.
     */
    static String commandLine(String pidFile, Optional<String> detachMount, List<String> command) {
        String head = line(List.of(pidFile)).strip() + " "
                + detachMount.map(m -> line(List.of(m)).strip()).orElse("-") + " ";
        return head + line(command);
    }

    /** One line of the shim's protocol: each word in hex, separated by spaces. */
    static String line(List<String> words) {
        StringBuilder b = new StringBuilder();
        for (String w : words) {
            if (b.length() > 0) {
                b.append(' ');
            }
            b.append(HexFormat.of().formatHex(w.getBytes(StandardCharsets.UTF_8)));
        }
        return b.append('\n').toString();
    }

    /** The unshare, mount and umount2 syscall numbers on this machine, empty where they are not known. */
    static Optional<int[]> detachNumbers() {
        return Optional.ofNullable(DETACH.get(System.getProperty("os.arch"))).map(int[]::clone);
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
