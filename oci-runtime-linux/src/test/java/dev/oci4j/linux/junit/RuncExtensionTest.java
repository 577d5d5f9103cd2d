package dev.oci4j.linux.junit;

/** The extension's contract on runc. */
@OciContainers(runtime = "runc")
class RuncExtensionTest extends ExtensionContract {

    @Override
    String backend() {
        return "runc";
    }
}
