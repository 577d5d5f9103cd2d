package dev.oci4j.linux.bundle;

/** How a bundle's root filesystem was made. */
public enum RootfsMethod {
    /** Every layer applied into the bundle's own {@code rootfs} directory. */
    COPY,
    /** An overlayfs over cached layers, with an upper and a work directory per bundle,
     * mounted until the bundle is deleted. */
    OVERLAY
}
