/**
 * Runs OCI bundles (runtime-spec runtime.md) through a runtime such as runc or crun: open a
 * {@link dev.oci4j.linux.ContainerRuntime} with {@link dev.oci4j.linux.ContainerRuntimes}, create
 * {@link dev.oci4j.linux.Container}s, and read their exit status, output and resource use.
 */
package dev.oci4j.linux;
