/**
 * Container networking through the standard CNI plugins: a bridge network per test run or command,
 * a network namespace per container with an address on it, and ports published on the host.
 */
package dev.oci4j.linux.network;
