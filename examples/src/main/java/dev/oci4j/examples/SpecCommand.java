package dev.oci4j.examples;

import dev.oci4j.runtime.RuntimeJson;
import dev.oci4j.runtime.Spec;
import dev.oci4j.runtime.Specs;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

/**
 * {@code oci spec [--rootless] [--output FILE]}: prints the default config.json of a bundle, the
 * one {@code runc spec} writes, tab-indented like runc. Exit 0 when written, 1 when the file
 * exists or cannot be written.
 */
@Command(name = "spec",
        mixinStandardHelpOptions = true,
        description = {"Print a default runtime config.json, like `runc spec`.",
                "Exit status: 0 written, 1 the output file exists or cannot be written."})
final class SpecCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandSpec command;

    @Option(names = "--rootless", description = "A config for an unprivileged user: a user namespace mapping root to you.")
    boolean rootless;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE",
            description = "Write to FILE (which must not exist) instead of standard output.")
    Path output;

    @Override
    public Integer call() {
        Spec spec;
        try {
            spec = rootless ? Specs.rootless() : Specs.defaultLinux();
        } catch (UnsupportedOperationException e) {
            command.commandLine().getErr().println("oci spec: --rootless needs Linux: " + e.getMessage());
            return 1;
        }
        byte[] json = RuntimeJson.writeIndented(spec);
        if (output == null) {
            command.commandLine().getOut().println(new String(json, StandardCharsets.UTF_8));
            command.commandLine().getOut().flush();
            return 0;
        }
        return write(json, output, command.commandLine().getErr());
    }

    /**
     * Writes {@code json} to {@code output} as runc does (never over an existing file, no trailing newline);
     * {@link StoredSpec} writes the stored default config through here too.
     *
     * @return 0 when written, 1 (said on {@code err}) when the file exists or cannot be written
     */
    static int write(byte[] json, Path output, PrintWriter err) {
        try {
            // Like runc: never overwrite a bundle's config, and no trailing newline.
            Files.write(output, json, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
            return 0;
        } catch (FileAlreadyExistsException e) {
            err.println("oci spec: " + output + " exists; remove it first");
        } catch (IOException e) {
            err.println("oci spec: cannot write " + output + ": " + e);
        }
        err.flush();
        return 1;
    }
}
