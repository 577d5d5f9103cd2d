/**
 * The OCI distribution-spec (v1.1) as values: image {@link dev.oci4j.distribution.Reference}s, the
 * registry API's JSON bodies ({@link dev.oci4j.distribution.TagList},
 * {@link dev.oci4j.distribution.Catalog}, {@link dev.oci4j.distribution.ErrorResponse}) read and
 * written by {@link dev.oci4j.distribution.DistributionJson}, error codes, {@code WWW-Authenticate}
 * challenges and {@code Link} pagination.
 */
package dev.oci4j.distribution;
