/**
 * An embedded registry serving the distribution-spec API over HTTP, for tests and local pipelines:
 * {@link dev.oci4j.distribution.server.RegistryServer} over a
 * {@link dev.oci4j.distribution.server.RegistryStorage} in memory or on disk (one OCI image layout
 * per repository), optionally with users (in code or an {@link dev.oci4j.distribution.server.Htpasswd}
 * file), HTTP Basic or bearer tokens from its own token endpoint, per-repository grants, and TLS from PEM
 * files.
 */
package dev.oci4j.distribution.server;
