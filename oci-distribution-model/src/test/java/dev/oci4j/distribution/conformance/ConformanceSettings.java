package dev.oci4j.distribution.conformance;

/**
 * The suite's environment variables, with the defaults a plain run has: every setup runs, automatic
 * cross-mounting is not tested ({@code OCI_AUTOMATIC_CROSSMOUNT} unset), manifests are deleted before
 * blobs. These decide which specs run: five of the 79 do not by default, leaving 74.
 */
final class ConformanceSettings {

    /** {@code OCI_TAG_NAME} &amp; co. unset: the pull workflow pushes its own content. */
    boolean pullSetup = true;
    /** {@code OCI_TAG_NAME}: the tag to pull when the pull setup does not run. */
    String tagName = "";
    boolean pushSetup = true;
    /** {@code OCI_TAG_LIST} unset: the discovery workflow pushes its own tags. */
    boolean discoverySetup = true;
    boolean managementSetup = true;
    /** {@code OCI_AUTOMATIC_CROSSMOUNT} set at all. */
    boolean automaticCrossmountTested;
    /** {@code OCI_AUTOMATIC_CROSSMOUNT}'s value. */
    boolean automaticCrossmountEnabled;
}
