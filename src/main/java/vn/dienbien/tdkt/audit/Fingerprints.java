package vn.dienbien.tdkt.audit;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.Collection;
import java.util.HexFormat;

/**
 * Canonical content and SHA-256. A row reads the same on H2 and PostgreSQL whatever type the driver
 * returns: instants as epoch milliseconds, numbers without trailing zeros, bytes by their hash.
 */
final class Fingerprints {

    static final String GENESIS = "0".repeat(64);
    private static final char SEPARATOR = '\u001F';

    private Fingerprints() {
    }

    static String ofValues(Collection<?> values) {
        StringBuilder canonical = new StringBuilder();
        for (Object value : values) {
            canonical.append(canonical(value)).append(SEPARATOR);
        }
        return sha256(canonical.toString());
    }

    static String canonical(Object value) {
        if (value == null) {
            return "\u2205";
        }
        if (value instanceof java.sql.Date date) {
            return date.toLocalDate().toString();
        }
        if (value instanceof java.util.Date date) {
            return Long.toString(date.getTime());
        }
        if (value instanceof OffsetDateTime time) {
            return Long.toString(time.toInstant().toEpochMilli());
        }
        if (value instanceof ZonedDateTime time) {
            return Long.toString(time.toInstant().toEpochMilli());
        }
        if (value instanceof Instant time) {
            return Long.toString(time.toEpochMilli());
        }
        if (value instanceof LocalDate date) {
            return date.toString();
        }
        if (value instanceof BigDecimal number) {
            return number.signum() == 0 ? "0" : number.stripTrailingZeros().toPlainString();
        }
        if (value instanceof Double || value instanceof Float) {
            return BigDecimal.valueOf(((Number) value).doubleValue()).stripTrailingZeros().toPlainString();
        }
        if (value instanceof byte[] bytes) {
            return sha256(bytes);
        }
        return value.toString();
    }

    static String sha256(String text) {
        return sha256(text.getBytes(StandardCharsets.UTF_8));
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
