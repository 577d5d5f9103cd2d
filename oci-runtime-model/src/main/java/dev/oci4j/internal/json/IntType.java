package dev.oci4j.internal.json;

import java.math.BigInteger;

/**
 * The Go integer types of the image-spec and runtime-spec structs, each carried in a Java {@code long}. A
 * {@code uint64} uses all 64 bits (2^64-1 is stored as -1); the others keep their natural value.
 */
public enum IntType {
    I32("int32", Integer.MIN_VALUE, Integer.MAX_VALUE),
    I64("int64", Long.MIN_VALUE, Long.MAX_VALUE),
    U16("uint16", 0, 0xFFFFL),
    U32("uint32", 0, 0xFFFF_FFFFL),
    U64("uint64", 0, -1);

    private static final BigInteger UINT64_MAX = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);

    private final String goName;
    private final long min;
    private final long max;

    IntType(String goName, long min, long max) {
        this.goName = goName;
        this.min = min;
        this.max = max;
    }

    /** Whether this type holds {@code value} (in a long's 64 bits for uint64). */
    boolean holds(BigInteger value) {
        return this == U64
                ? value.signum() >= 0 && value.compareTo(UINT64_MAX) <= 0
                : value.bitLength() <= 63 && value.longValue() >= min && value.longValue() <= max;
    }

    /** "uint64 (0 to 18446744073709551615)", for messages. */
    String description() {
        return goName + " (" + range() + ")";
    }

    /** Builder argument check: every long is a valid int64 or uint64; the narrower types are range-checked. */
    public long check(String name, long value) {
        if (this != U64 && (value < min || value > max)) {
            throw new IllegalArgumentException(name + " must be a " + goName + " (" + range() + "), got " + value);
        }
        return value;
    }

    private String range() {
        return this == U64 ? "0 to 18446744073709551615" : min + " to " + max;
    }
}
