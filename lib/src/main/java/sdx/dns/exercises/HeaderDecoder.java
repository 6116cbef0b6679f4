package sdx.dns.exercises;

import sdx.dns.Header;

/**
 * Exercise 2: reads the 12-byte header of a DNS message (RFC 1035 §4.1.1). A message too short to hold a
 * header must be refused with an {@code IllegalArgumentException} that says why.
 */
@FunctionalInterface
public interface HeaderDecoder {
    /** The header at the start of {@code message}. */
    Header decode(byte[] message);
}
