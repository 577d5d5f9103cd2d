package dev.oci4j.image.internal.validation;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.DateTimeException;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The small grammars the image spec borrows from RFCs, as predicates. */
public final class Grammars {

    /**
     * RFC 6838 section 4.2 type "/" subtype, each a restricted-name of at most 127 characters. The
     * official JSON schema writes the class as {@code [A-Za-z0-9!#$&-^_.+]}, where {@code &-^} is
     * accidentally a range; this is the RFC's own character set.
     */
    public static final String MEDIA_TYPE_REGEX =
            "[A-Za-z0-9][A-Za-z0-9!#$&^_.+-]{0,126}/[A-Za-z0-9][A-Za-z0-9!#$&^_.+-]{0,126}";

    private static final Pattern MEDIA_TYPE = Pattern.compile(MEDIA_TYPE_REGEX);

    // RFC 3339 section 5.6 date-time; "T" and "Z" may be lowercase (section 5.6 note), and a space
    // separator is NOT allowed by the ABNF (only by the prose note for readability).
    private static final Pattern DATE_TIME = Pattern.compile(
            "(\\d{4})-(\\d{2})-(\\d{2})[Tt](\\d{2}):(\\d{2}):(\\d{2})(\\.\\d+)?([Zz]|([+-])(\\d{2}):(\\d{2}))");

    // RFC 3986 "URI" (absolute, with a scheme): scheme ":" then only characters the RFC allows,
    // with every "%" starting a pct-encoded octet.
    private static final Pattern URI = Pattern.compile(
            "[A-Za-z][A-Za-z0-9+.-]*:(?:[A-Za-z0-9._~!$&'()*+,;=:@/?#\\[\\]-]|%[0-9A-Fa-f]{2})*");

    // annotations.md org.opencontainers.image.ref.name grammar.
    private static final Pattern REF_NAME = Pattern.compile(
            "[A-Za-z0-9]+(?:(?:[-._:@+]|--)[A-Za-z0-9]+)*(?:/[A-Za-z0-9]+(?:(?:[-._:@+]|--)[A-Za-z0-9]+)*)*");

    // Reverse domain notation such as com.example.myKey: a lowercase DNS label first, then at least
    // one more dot-separated part; later parts may carry the key's own spelling.
    private static final Pattern REVERSE_DOMAIN = Pattern.compile(
            "[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\\.[^.\\s]+)+");

    private static final Pattern EXPOSED_PORT = Pattern.compile("(\\d{1,5})(?:-(\\d{1,5}))?(?:/(tcp|udp|sctp))?");

    /** GOOS values from the Go distribution's syslist, as the spec points to the Go documentation. */
    public static final Set<String> GOOS = Set.of("aix", "android", "darwin", "dragonfly", "freebsd", "hurd",
            "illumos", "ios", "js", "linux", "nacl", "netbsd", "openbsd", "plan9", "solaris", "wasip1",
            "windows", "zos");

    /** GOARCH values from the Go distribution's syslist. */
    public static final Set<String> GOARCH = Set.of("386", "amd64", "amd64p32", "arm", "armbe", "arm64",
            "arm64be", "loong64", "mips", "mipsle", "mips64", "mips64le", "mips64p32", "mips64p32le", "ppc",
            "ppc64", "ppc64le", "riscv", "riscv64", "s390", "s390x", "sparc", "sparc64", "wasm");

    private Grammars() {
    }

    public static boolean isMediaType(String s) {
        return MEDIA_TYPE.matcher(s).matches();
    }

    public static boolean isUri(String s) {
        return URI.matcher(s).matches();
    }

    public static boolean isRefName(String s) {
        return REF_NAME.matcher(s).matches();
    }

    public static boolean isReverseDomain(String s) {
        return REVERSE_DOMAIN.matcher(s).matches();
    }

    public static boolean isExposedPort(String s) {
        Matcher m = EXPOSED_PORT.matcher(s);
        if (!m.matches()) {
            return false;
        }
        int from = Integer.parseInt(m.group(1));
        int to = m.group(2) == null ? from : Integer.parseInt(m.group(2));
        return from >= 1 && to <= 65535 && from <= to;
    }

    /** RFC 3339 section 5.6 date-time, with real calendar dates and offsets within range. */
    public static boolean isDateTime(String s) {
        Matcher m = DATE_TIME.matcher(s);
        if (!m.matches()) {
            return false;
        }
        try {
            LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
            int second = Integer.parseInt(m.group(6));
            // A leap second (60) is valid RFC 3339.
            LocalTime.of(Integer.parseInt(m.group(4)), Integer.parseInt(m.group(5)), Math.min(second, 59));
            if (second > 60) {
                return false;
            }
            if (m.group(9) != null) {
                LocalTime.of(Integer.parseInt(m.group(10)), Integer.parseInt(m.group(11)));
            }
            return true;
        } catch (DateTimeException e) {
            return false;
        }
    }
}
