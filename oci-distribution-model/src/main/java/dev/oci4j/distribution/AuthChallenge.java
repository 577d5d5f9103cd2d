package dev.oci4j.distribution;

import dev.oci4j.validation.FormatReason;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One challenge of a {@code WWW-Authenticate} header (RFC 7235 section 4.1), as registries send it
 * with a 401 (distribution-spec "Authentication", Docker's token authentication specification).
 * Parameter names are case-insensitive and kept in lowercase.
 *
 * <pre>{@code
 * Bearer realm="https://auth.docker.io/token",service="registry.docker.io",scope="repository:library/busybox:pull"
 * }</pre>
 */
public final class AuthChallenge {

    /** Header values longer than this are refused rather than parsed. */
    public static final int MAX_HEADER_LENGTH = 16 * 1024;

    private final String scheme;
    private final Map<String, String> parameters;
    private final String token68;

    private AuthChallenge(String scheme, Map<String, String> parameters, String token68) {
        this.scheme = scheme;
        this.parameters = Collections.unmodifiableMap(parameters);
        this.token68 = token68;
    }

    /**
     * A challenge with the given scheme and parameters.
     *
     * @param scheme     the scheme, such as {@code Bearer}
     * @param parameters the auth-params; names are lowercased
     * @return the challenge
     */
    public static AuthChallenge of(String scheme, Map<String, String> parameters) {
        Objects.requireNonNull(scheme, "scheme");
        Map<String, String> p = new LinkedHashMap<>();
        parameters.forEach((k, v) -> p.put(k.toLowerCase(Locale.ROOT), Objects.requireNonNull(v, k)));
        return new AuthChallenge(scheme, p, null);
    }

    /**
     * Parses every challenge of one {@code WWW-Authenticate} value.
     *
     * @param header the header value
     * @return the challenges in order; never empty
     * @throws DistributionFormatException with reason {@code BAD_HEADER} and location
     *     {@code WWW-Authenticate} when the value is outside the grammar
     */
    public static List<AuthChallenge> parseAll(String header) {
        Objects.requireNonNull(header, "header");
        if (header.length() > MAX_HEADER_LENGTH) {
            throw bad("value has " + header.length() + " characters, at most " + MAX_HEADER_LENGTH + " are read");
        }
        Parser p = new Parser(header);
        List<AuthChallenge> out = new ArrayList<>();
        p.skip(" \t,");
        while (!p.atEnd()) {
            String scheme = p.token();
            if (scheme.isEmpty()) {
                throw bad("expected an auth scheme at offset " + p.pos + ", found '" + p.peek() + "'");
            }
            Map<String, String> params = new LinkedHashMap<>();
            String token68 = null;
            p.skip(" \t");
            while (!p.atEnd() && p.peek() != ',') {
                int start = p.pos;
                String name = p.token();
                p.skip(" \t");
                if (name.isEmpty() || p.atEnd() || p.peek() != '=') {
                    // token68 (RFC 7235): base64-like text, maybe ending in '='
                    p.pos = start;
                    token68 = p.token68();
                    if (token68.isEmpty()) {
                        throw bad("expected name=value or token68 at offset " + start);
                    }
                    p.skip(" \t");
                    break;
                }
                p.pos++;
                p.skip(" \t");
                // Lenient like Docker's parser: an unquoted value runs to the next comma or space, so an
                // unquoted realm URL (':' and '/' are no token characters) still reads.
                String value = !p.atEnd() && p.peek() == '"' ? p.quoted() : p.bare();
                String key = name.toLowerCase(Locale.ROOT);
                if (params.containsKey(key)) {
                    throw bad("parameter \"" + key + "\" appears twice in one challenge");
                }
                params.put(key, value);
                p.skip(" \t");
                if (p.atEnd()) {
                    break;
                }
                if (p.peek() != ',') {
                    throw bad("expected ',' after parameter \"" + key + "\" at offset " + p.pos + ", found '" + p.peek() + "'");
                }
                // A comma ends this parameter; the next item is a parameter or a new challenge.
                int comma = p.pos;
                p.pos++;
                p.skip(" \t,");
                int next = p.pos;
                String t = p.token();
                p.skip(" \t");
                boolean isParam = !t.isEmpty() && !p.atEnd() && p.peek() == '=';
                p.pos = isParam ? next : comma;
                if (!isParam) {
                    break;
                }
            }
            if (!p.atEnd() && p.peek() != ',') {
                throw bad("unexpected '" + p.peek() + "' at offset " + p.pos);
            }
            out.add(new AuthChallenge(scheme, params, token68));
            p.skip(" \t,");
        }
        if (out.isEmpty()) {
            throw bad("no challenge in an empty value");
        }
        return out;
    }

    private static DistributionFormatException bad(String detail) {
        return new DistributionFormatException(FormatReason.BAD_HEADER, "WWW-Authenticate", detail);
    }

    /** {@return the scheme as sent, such as {@code Bearer} or {@code Basic}; compare with {@link #isScheme}} */
    public String scheme() {
        return scheme;
    }

    /**
     * Whether this challenge has the scheme {@code name}, ignoring case as RFC 7235 says.
     *
     * @param name a scheme name
     * @return whether it matches
     */
    public boolean isScheme(String name) {
        return scheme.equalsIgnoreCase(name);
    }

    /** {@return the auth-params, names lowercased, in the order sent} */
    public Map<String, String> parameters() {
        return parameters;
    }

    /**
     * One parameter.
     *
     * @param name the parameter name, any case
     * @return its value
     */
    public Optional<String> parameter(String name) {
        return Optional.ofNullable(parameters.get(name.toLowerCase(Locale.ROOT)));
    }

    /** {@return the {@code realm}: for Bearer, the token endpoint's URL} */
    public Optional<String> realm() {
        return parameter("realm");
    }

    /** {@return the {@code service} the token is for} */
    public Optional<String> service() {
        return parameter("service");
    }

    /** {@return the {@code scope}s asked for, split at spaces; empty when none was named} */
    public List<String> scopes() {
        return parameter("scope").map(s -> List.of(s.trim().split(" +"))).filter(l -> !l.get(0).isEmpty())
                .orElse(List.of());
    }

    /** {@return the {@code error} a Bearer challenge names ({@code invalid_token}, {@code insufficient_scope})} */
    public Optional<String> error() {
        return parameter("error");
    }

    /** {@return the token68 form's value, for schemes that use it instead of parameters} */
    public Optional<String> token68() {
        return Optional.ofNullable(token68);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AuthChallenge c && scheme.equalsIgnoreCase(c.scheme) && parameters.equals(c.parameters)
                && Objects.equals(token68, c.token68);
    }

    @Override
    public int hashCode() {
        return Objects.hash(scheme.toLowerCase(Locale.ROOT), parameters, token68);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(scheme);
        if (token68 != null) {
            sb.append(' ').append(token68);
        }
        String sep = " ";
        for (Map.Entry<String, String> e : parameters.entrySet()) {
            sb.append(sep).append(e.getKey()).append("=\"")
                    .append(e.getValue().replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
            sep = ",";
        }
        return sb.toString();
    }

    private static final class Parser {
        private final String s;
        private int pos;

        Parser(String s) {
            this.s = s;
        }

        boolean atEnd() {
            return pos >= s.length();
        }

        char peek() {
            return s.charAt(pos);
        }

        void skip(String chars) {
            while (!atEnd() && chars.indexOf(peek()) >= 0) {
                pos++;
            }
        }

        String token() {
            int start = pos;
            while (!atEnd() && isTokenChar(peek())) {
                pos++;
            }
            return s.substring(start, pos);
        }

        String bare() {
            int start = pos;
            while (!atEnd() && peek() > ' ' && peek() != ',' && peek() != '"' && peek() != 0x7f) {
                pos++;
            }
            return s.substring(start, pos);
        }

        String token68() {
            int start = pos;
            while (!atEnd() && (Character.isLetterOrDigit(peek()) && peek() < 128 || "-._~+/".indexOf(peek()) >= 0)) {
                pos++;
            }
            while (!atEnd() && peek() == '=') {
                pos++;
            }
            return s.substring(start, pos);
        }

        String quoted() {
            int start = pos;
            pos++;
            StringBuilder sb = new StringBuilder();
            while (!atEnd()) {
                char c = s.charAt(pos++);
                if (c == '"') {
                    return sb.toString();
                }
                if (c == '\\') {
                    if (atEnd()) {
                        break;
                    }
                    c = s.charAt(pos++);
                }
                if (c < 0x20 && c != '\t' || c == 0x7f) {
                    throw bad("control character in the quoted string at offset " + (pos - 1));
                }
                sb.append(c);
            }
            throw bad("the quoted string at offset " + start + " is not closed");
        }

        private static boolean isTokenChar(char c) {
            return c < 128 && (Character.isLetterOrDigit(c) || "!#$%&'*+-.^_`|~".indexOf(c) >= 0);
        }
    }
}
