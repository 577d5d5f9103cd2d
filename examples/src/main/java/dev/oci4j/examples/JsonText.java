package dev.oci4j.examples;

/** Just enough JSON text handling for the commands' output: quoting and indenting. */
final class JsonText {

    private JsonText() {
    }

    /** {@code s} as a JSON string literal. */
    static String quote(String s) {
        StringBuilder b = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> {
                    if (c < 0x20) {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.append('"').toString();
    }

    /** Re-indents valid compact or pretty JSON with two spaces; strings are copied untouched. */
    static String pretty(String json) {
        StringBuilder out = new StringBuilder(json.length() * 2);
        int depth = 0;
        boolean inString = false;
        for (int i = 0; i < json.length(); i++) {
            char c = json.charAt(i);
            if (inString) {
                out.append(c);
                if (c == '\\') {
                    out.append(json.charAt(++i));
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
                    int next = skipSpace(json, i + 1);
                    char close = c == '{' ? '}' : ']';
                    if (next < json.length() && json.charAt(next) == close) {
                        out.append(c).append(close);
                        i = next;
                    } else {
                        out.append(c);
                        newline(out, ++depth);
                    }
                }
                case '}', ']' -> {
                    newline(out, --depth);
                    out.append(c);
                }
                case ',' -> {
                    out.append(c);
                    newline(out, depth);
                }
                case ':' -> out.append(": ");
                case ' ', '\n', '\r', '\t' -> {
                }
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    private static int skipSpace(String s, int i) {
        while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
            i++;
        }
        return i;
    }

    private static void newline(StringBuilder out, int depth) {
        out.append('\n');
        out.append("  ".repeat(Math.max(depth, 0)));
    }
}
