/**
 * Example programs, one per workflow of the library, and the {@code oci} command
 * ({@link dev.oci4j.examples.Oci}) built from them. Not an API: the classes are here to be read and run.
 */
package dev.oci4j.examples;
