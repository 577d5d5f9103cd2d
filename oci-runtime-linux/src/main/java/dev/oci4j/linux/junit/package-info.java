/**
 * Containers and registries in JUnit 5 tests, with no daemon: {@link dev.oci4j.linux.junit.OciContainers}
 * starts the {@link dev.oci4j.linux.junit.OciContainer} fields marked {@link dev.oci4j.linux.junit.Container}
 * and the registries marked {@link dev.oci4j.linux.junit.Registry}. JUnit Jupiter is an optional
 * dependency of this module: only this package needs it.
 */
package dev.oci4j.linux.junit;
