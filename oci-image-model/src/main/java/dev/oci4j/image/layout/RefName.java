package dev.oci4j.image.layout;

import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The {@code org.opencontainers.image.ref.name} annotation that names ("tags") an entry of a layout's
 * index.json, and its grammar from image-spec annotations.md:
 * {@code ref ::= component ("/" component)*}, {@code component ::= alphanum (separator alphanum)*},
 * {@code alphanum ::= [A-Za-z0-9]+}, {@code separator ::= [-._:@+] | "--"}.
 *
 * <p>New names are checked; names read from layouts other tools wrote are taken as they are, since
 * image-layout.md puts "no semantic restriction" on them.
 *
 * <pre>{@code RefName.check("v1.0.0-vendor.0"); RefName.isValid("-x") // false}</pre>
 */
public final class RefName {

    private static final String ALNUM = "[A-Za-z0-9]+";
    private static final String COMPONENT = ALNUM + "(?:(?:[-._:@+]|--)" + ALNUM + ")*";
    private static final Pattern REF = Pattern.compile(COMPONENT + "(?:/" + COMPONENT + ")*");

    private RefName() {
    }

    /**
     * Whether {@code name} matches the ref grammar; never throws.
     *
     * @param name the name to check, may be null
     * @return true when {@code name} is not null and matches the grammar
     */
    public static boolean isValid(String name) {
        return name != null && REF.matcher(name).matches();
    }

    /**
     * Explains why {@code name} does not match the ref grammar, or empty when it does.
     *
     * @param name the name to check, may be null
     * @return a message saying what the grammar allows, or empty when {@code name} matches
     */
    public static Optional<String> problemWith(String name) {
        if (name == null) {
            return Optional.of("ref name is null");
        }
        if (isValid(name)) {
            return Optional.empty();
        }
        return Optional.of("ref name \"" + name + "\" does not match the grammar of annotations.md: components of"
                + " [A-Za-z0-9]+ joined by one of - . _ : @ + or --, separated by /");
    }

    /**
     * Returns {@code name} when it matches the grammar.
     *
     * @param name the name to check
     * @return {@code name}
     * @throws IllegalArgumentException otherwise, saying what the grammar allows
     * @throws NullPointerException if {@code name} is null
     */
    public static String check(String name) {
        Objects.requireNonNull(name, "refName");
        problemWith(name).ifPresent(p -> {
            throw new IllegalArgumentException(p);
        });
        return name;
    }
}
