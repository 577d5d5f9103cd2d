package dev.oci4j.runtime.internal.validation;


/** JSON pointers of the values the plain-Java checks look at. */
final class Pointers {

    private Pointers() {
    }

    /** Appends one reference token, escaping {@code ~} and {@code /} (RFC 6901). */
    static String child(String parent, String token) {
        return parent + "/" + escape(token);
    }

    static String child(String parent, int index) {
        return parent + "/" + index;
    }

    private static String escape(String token) {
        return token.replace("~", "~0").replace("/", "~1");
    }
}
