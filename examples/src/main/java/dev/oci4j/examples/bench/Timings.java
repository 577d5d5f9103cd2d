package dev.oci4j.examples.bench;

import java.util.LinkedHashMap;
import java.util.Map;

/** Seconds per named contender and run. */
final class Timings {

    private final int runs;
    private final Map<String, double[]> seconds = new LinkedHashMap<>();

    Timings(int runs) {
        this.runs = runs;
    }

    void put(String name, int run, double s) {
        seconds.computeIfAbsent(name, k -> new double[runs])[run] = s;
    }

    double[] get(String name) {
        return seconds.get(name).clone();
    }
}
