/** The service-provider interface for container runtime backends. */
package dev.oci4j.linux.spi;
