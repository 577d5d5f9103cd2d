package dev.oci4j.examples.bench;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Collects median timings and prints them as a table with throughput and ratios against umoci. */
final class Report {

    private record Row(String label, double median, long size, boolean build) {
    }

    private final List<Row> rows = new ArrayList<>();
    private long tarBytes;
    private double umociBuild = Double.NaN;
    private double umociUnpack = Double.NaN;
    private long umociSize;

    void tarBytes(long bytes) {
        this.tarBytes = bytes;
    }

    void umociBuild(String label, double[] seconds, long size) {
        umociBuild = median(seconds);
        umociSize = size;
        rows.add(new Row(label, umociBuild, size, true));
    }

    void umociUnpack(String label, double[] seconds, long size) {
        umociUnpack = median(seconds);
        rows.add(new Row(label, umociUnpack, size, false));
    }

    void add(String label, double[] seconds, long size, boolean build) {
        rows.add(new Row(label, median(seconds), size, build));
    }

    void print(PrintStream out) {
        out.printf("uncompressed tar: %d bytes (%.1f MB); MB/s = tar bytes / median seconds; x umoci = umoci's median / ours%n",
                tarBytes, tarBytes / 1e6);
        out.printf("%-46s %9s %9s %9s %13s %9s%n", "operation", "median s", "MB/s", "x umoci", "compressed", "size/umoci");
        for (Row r : rows) {
            double base = r.build() ? umociBuild : umociUnpack;
            out.printf("%-46s %9.3f %9.1f %9s %13d %9s%n", r.label(), r.median(), tarBytes / 1e6 / r.median(),
                    Double.isNaN(base) ? "-" : String.format("%.2f", base / r.median()), r.size(),
                    umociSize == 0 ? "-" : String.format("%.4f", (double) r.size() / umociSize));
        }
    }

    static double median(double[] seconds) {
        double[] s = seconds.clone();
        Arrays.sort(s);
        int n = s.length;
        return n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
    }
}
