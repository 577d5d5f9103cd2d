/**
 * What the oci4j validators report, whichever spec they check: a {@link dev.oci4j.validation.ValidationReport}
 * of {@link dev.oci4j.validation.Violation}s, each with a {@link dev.oci4j.validation.Severity}, and the
 * {@link dev.oci4j.validation.FormatReason} a document could not be read for. {@code ImageValidator}
 * (oci-image-model) and {@code RuntimeValidator} (oci-runtime-model) return the same types, so a tool
 * that reports on both needs one adapter, not two.
 */
package dev.oci4j.validation;
