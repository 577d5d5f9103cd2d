/**
 * Benchmark programs (not timed tests): each prints its figures and the machine's load average;
 * docs/benchmarks.md records the results.
 */
package dev.oci4j.examples.bench;
