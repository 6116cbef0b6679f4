package sdx.tls;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads the plaintext handshake messages of a record (RFC 8446 section 4 and RFC 5246 section 7.4): each
 * is a 1-byte type and a 3-byte length. Only what is needed to name them and to find ServerHello's
 * extensions.
 */
final class Handshakes {
    private Handshakes() {}

    /** The pre_shared_key extension's code (RFC 8446 section 4.2). */
    static final int PRE_SHARED_KEY = 41;
    /** The supported_versions extension's code: in a ServerHello, it means TLS 1.3 (RFC 8446 section 4.2.1). */
    static final int SUPPORTED_VERSIONS = 43;

    static String name(int type) {
        return switch (type) {
            case 1 -> "ClientHello";
            case 2 -> "ServerHello";
            case 4 -> "NewSessionTicket";
            case 8 -> "EncryptedExtensions";
            case 11 -> "Certificate";
            case 12 -> "ServerKeyExchange";
            case 13 -> "CertificateRequest";
            case 14 -> "ServerHelloDone";
            case 15 -> "CertificateVerify";
            case 16 -> "ClientKeyExchange";
            case 20 -> "Finished";
            default -> "handshake type " + type;
        };
    }

    /** "ServerHello, Certificate, ..." for the messages in b[from, from + length). */
    static String describe(byte[] b, int from, int length) {
        List<String> names = new ArrayList<>();
        int at = from, end = from + length;
        while (end - at >= 4) {
            int type = b[at] & 0xff;
            int len = ((b[at + 1] & 0xff) << 16) | ((b[at + 2] & 0xff) << 8) | (b[at + 3] & 0xff);
            String n = name(type);
            if (type == 1 && extensions(b, at + 4, Math.min(len, end - at - 4), true).contains(PRE_SHARED_KEY)) {
                n += " (offers a session to resume)";
            } else if (type == 2 && extensions(b, at + 4, Math.min(len, end - at - 4), false).contains(PRE_SHARED_KEY)) {
                n += " (accepts resumption)";
            }
            names.add(n);
            at += 4 + len;
        }
        return names.isEmpty() ? "handshake fragment" : String.join(", ", names);
    }

    /** The extensions of the ServerHello this record starts with, or null if it does not start with one. */
    static List<Integer> serverHelloExtensions(byte[] b, int from, int length) {
        if (length < 4 || (b[from] & 0xff) != 2) return null;
        int len = ((b[from + 1] & 0xff) << 16) | ((b[from + 2] & 0xff) << 8) | (b[from + 3] & 0xff);
        return extensions(b, from + 4, Math.min(len, length - 4), false);
    }

    /** The extension types of a ClientHello or ServerHello body at b[from, from + length). */
    static List<Integer> extensions(byte[] b, int from, int length, boolean clientHello) {
        List<Integer> out = new ArrayList<>();
        int end = from + length;
        int at = from + 2 + 32;                       // legacy_version, random
        if (at >= end) return out;
        at += 1 + (b[at] & 0xff);                     // legacy_session_id
        if (clientHello) {
            if (at + 2 > end) return out;
            at += 2 + u16(b, at);                     // cipher_suites
            if (at >= end) return out;
            at += 1 + (b[at] & 0xff);                 // legacy_compression_methods
        } else {
            at += 2 + 1;                              // cipher_suite, legacy_compression_method
        }
        if (at + 2 > end) return out;
        int extEnd = Math.min(end, at + 2 + u16(b, at));
        at += 2;
        while (at + 4 <= extEnd) {
            out.add(u16(b, at));
            at += 4 + u16(b, at + 2);
        }
        return out;
    }

    private static int u16(byte[] b, int at) {
        return ((b[at] & 0xff) << 8) | (b[at + 1] & 0xff);
    }
}
