/**
 * A registry client (distribution-spec "Pull" and "Push"): {@link dev.oci4j.distribution.client.RegistryClient}
 * fetches and pushes manifests and blobs, copies images between a registry and an OCI image layout,
 * retries what may be retried, and authenticates with credentials from a
 * {@link dev.oci4j.distribution.client.CredentialProvider} such as Docker's config files.
 */
package dev.oci4j.distribution.client;
