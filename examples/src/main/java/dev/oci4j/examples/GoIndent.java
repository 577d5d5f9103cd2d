package dev.oci4j.examples;

/**
 * Re-indents compact JSON the way Go's {@code json.MarshalIndent(v, "", "\t")} does, which is how
 * {@code runc spec} writes config.json: one member per line, tabs, {@code "key": value}, and empty
 * objects and arrays kept as {@code {}} and {@code []}.
 */
final class GoIndent {

    private GoIndent() {
    }

    static String indent(String compact) {
        StringBuilder out = new StringBuilder(compact.length() * 2);
        int depth = 0;
        boolean inString = false;
        for (int i = 0; i < compact.length(); i++) {
            char c = compact.charAt(i);
            if (inString) {
                out.append(c);
                if (c == '\\') {
                    out.append(compact.charAt(++i));
                } else if (c == '"') {
                    inString = false;
                }
                continue;
            }
            switch (c) {
                case '"' -> {
                    inString = true;
                    out.append(c);
                }
                case '{', '[' -> {
                    int next = skipSpace(compact, i + 1);
                    char close = c == '{' ? '}' : ']';
                    if (next < compact.length() && compact.charAt(next) == close) {
                        out.append(c).append(close);
                        i = next;
                    } else {
                        depth++;
                        out.append(c);
                        newline(out, depth);
                    }
                }
                case '}', ']' -> {
                    depth--;
                    newline(out, depth);
                    out.append(c);
                }
                case ',' -> {
                    out.append(c);
                    newline(out, depth);
                }
                case ':' -> out.append(": ");
                case ' ', '\t', '\n', '\r' -> {
                    // compact input has none; tolerate it anyway
                }
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    private static int skipSpace(String s, int from) {
        int i = from;
        while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
            i++;
        }
        return i;
    }

    private static void newline(StringBuilder out, int depth) {
        out.append('\n');
        out.append("\t".repeat(Math.max(depth, 0)));
    }
}
