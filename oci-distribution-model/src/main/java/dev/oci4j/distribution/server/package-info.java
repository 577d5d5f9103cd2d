/**
 * An embedded registry serving the distribution-spec API over HTTP, for tests and local pipelines:
 * {@link dev.oci4j.distribution.server.RegistryServer} over a
 * {@link dev.oci4j.distribution.server.RegistryStorage} in memory or on disk (one OCI image layout
 * per repository).
 */
package dev.oci4j.distribution.server;
