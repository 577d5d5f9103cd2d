/**
 * The OCI runtime specification v1.2: the container configuration ({@link dev.oci4j.runtime.Spec},
 * config.json), the container {@link dev.oci4j.runtime.State} and the runtime
 * {@link dev.oci4j.runtime.Features}, read and written by {@link dev.oci4j.runtime.RuntimeJson}, checked by
 * {@link dev.oci4j.runtime.RuntimeValidator} into a {@link dev.oci4j.validation.ValidationReport}.
 *
 * <p>Every type mirrors a struct of the Go reference (opencontainers/runtime-spec
 * {@code specs-go}): accessors are named like the JSON keys (except where the key is a Java
 * keyword: {@code LinuxIoPriority.ioClass()}, {@code CpuAffinity.finalCpus()}), members are
 * written in the struct's order, omitted as its {@code omitempty} tags say, and read with the
 * ranges of its Go integer types; a {@code uint64} uses all 64 bits of a {@code long} (read it
 * with {@link java.lang.Long#toUnsignedString(long)}). Members the model does not know are kept in
 * {@code extensions()} at every level. The model is lenient: it holds invalid values (an unknown
 * namespace type, a relative cwd) so a validator can report them; only malformed JSON, duplicate
 * keys, nesting deeper than 64 levels, documents over the size limit (4 MiB by default), wrong JSON
 * types and out-of-range numbers fail, with a {@link dev.oci4j.runtime.RuntimeFormatException} that
 * names its {@link dev.oci4j.validation.FormatReason reason} and JSON pointer.
 *
 * <pre>{@code
 * Spec spec = SpecEditor.of(Specs.defaultLinux()).args("sleep", "30").terminal(false).build();
 * Files.write(bundle.resolve("config.json"), RuntimeJson.writeIndented(spec));
 * }</pre>
 */
package dev.oci4j.runtime;
