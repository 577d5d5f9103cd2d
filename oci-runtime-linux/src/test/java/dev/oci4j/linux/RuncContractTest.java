package dev.oci4j.linux;

/** The runtime contract against runc. */
class RuncContractTest extends ContainerRuntimeContract {

    @Override
    protected String backend() {
        return "runc";
    }
}
