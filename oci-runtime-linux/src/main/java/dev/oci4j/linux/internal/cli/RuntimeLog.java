package dev.oci4j.linux.internal.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Reads what a runtime wrote to its {@code --log} file: runc's {@code msg="..."} values, else the lines as written. */
final class RuntimeLog {

    private RuntimeLog() {
    }

    static String read(Path log) {
        try {
            if (!Files.exists(log)) {
                return "";
            }
            List<String> out = new ArrayList<>();
            for (String line : Files.readAllLines(log, StandardCharsets.UTF_8)) {
                int msg = line.indexOf("msg=\"");
                if (msg >= 0 && line.endsWith("\"")) {
                    out.add(line.substring(msg + 5, line.length() - 1).replace("\\\"", "\""));
                } else if (msg >= 0) {
                    int end = line.lastIndexOf('"');
                    out.add(line.substring(msg + 5, Math.max(msg + 5, end)).replace("\\\"", "\""));
                } else if (!line.isBlank()) {
                    out.add(line.strip());
                }
            }
            return String.join("; ", out);
        } catch (IOException e) {
            return "(could not read the runtime log " + log + ": " + e.getMessage() + ")";
        }
    }
}
