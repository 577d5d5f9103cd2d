package dev.oci4j.linux.junit;

/** The extension's contract on crun. */
@OciContainers(runtime = "crun")
class CrunExtensionTest extends ExtensionContract {

    @Override
    String backend() {
        return "crun";
    }
}
