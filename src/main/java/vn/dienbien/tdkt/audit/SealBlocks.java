package vn.dienbien.tdkt.audit;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

/**
 * The items of one sealed block (audit_seal.items) and the block's hash. Layout: one format byte
 * (1 plain, 2 raw deflate of the plain bytes, whichever is shorter), then the item count (int) and
 * per item a flag byte (1 settled, 2 removed), the reference and the label as modified UTF-8 with a
 * two-byte length, and the content's SHA-256 as 32 bytes (absent for a removal). Binary hashes and no
 * per-item row or index: about a fifth of audit_ledger's bytes per item.
 */
final class SealBlocks {

    /** One item's seal as a block holds it; {@code hash} is hex, or {@link CaseLedger#REMOVED}. */
    record Item(String ref, String hash, boolean settled, String label) {
    }

    private static final byte PLAIN = 1;
    private static final byte DEFLATED = 2;
    private static final int SETTLED = 1;
    private static final int REMOVED = 2;
    private static final HexFormat HEX = HexFormat.of();

    private SealBlocks() {
    }

    static byte[] encode(List<Item> items) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(items.size() * 96 + 8);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(items.size());
            for (Item item : items) {
                boolean removed = CaseLedger.REMOVED.equals(item.hash());
                out.writeByte((item.settled() ? SETTLED : 0) | (removed ? REMOVED : 0));
                out.writeUTF(item.ref());
                out.writeUTF(item.label());
                if (!removed) {
                    out.write(HEX.parseHex(item.hash()));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        byte[] plain = bytes.toByteArray();
        byte[] deflated = deflate(plain);
        byte[] stored = new byte[1 + Math.min(plain.length, deflated.length)];
        if (deflated.length < plain.length) {
            stored[0] = DEFLATED;
            System.arraycopy(deflated, 0, stored, 1, deflated.length);
        } else {
            stored[0] = PLAIN;
            System.arraycopy(plain, 0, stored, 1, plain.length);
        }
        return stored;
    }

    /** The items of a stored block; an IllegalArgumentException when the bytes are not a block. */
    static List<Item> decode(byte[] stored) {
        if (stored == null || stored.length < 1 || (stored[0] != PLAIN && stored[0] != DEFLATED)) {
            throw new IllegalArgumentException("not a sealed block");
        }
        byte[] plain = stored[0] == PLAIN ? Arrays.copyOfRange(stored, 1, stored.length) : inflate(stored);
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(plain))) {
            int count = in.readInt();
            if (count < 0 || count > plain.length) {
                throw new IllegalArgumentException("not a sealed block");
            }
            List<Item> items = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                int flags = in.readUnsignedByte();
                String ref = in.readUTF();
                String label = in.readUTF();
                String hash;
                if ((flags & REMOVED) != 0) {
                    hash = CaseLedger.REMOVED;
                } else {
                    byte[] digest = new byte[32];
                    in.readFully(digest);
                    hash = HEX.formatHex(digest);
                }
                items.add(new Item(ref, hash, (flags & SETTLED) != 0, label));
            }
            if (in.available() > 0) {
                throw new IllegalArgumentException("not a sealed block");
            }
            return items;
        } catch (IOException e) {
            throw new IllegalArgumentException("not a sealed block", e);
        }
    }

    /** SHA-256 over the previous hash (hex), the case, seq, the time and the stored items' bytes. */
    static byte[] hash(String previousHash, String caseId, int seq, Instant sealedAt, byte[] items) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update((previousHash + '|' + caseId + '|' + seq + '|' + sealedAt.toEpochMilli() + '|')
                    .getBytes(StandardCharsets.UTF_8));
            digest.update(items);
            return digest.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static String hex(byte[] hash) {
        return HEX.formatHex(hash);
    }

    private static byte[] deflate(byte[] plain) {
        Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION, true);
        try {
            deflater.setInput(plain);
            deflater.finish();
            ByteArrayOutputStream out = new ByteArrayOutputStream(plain.length / 2 + 16);
            byte[] buffer = new byte[4096];
            while (!deflater.finished()) {
                out.write(buffer, 0, deflater.deflate(buffer));
            }
            return out.toByteArray();
        } finally {
            deflater.end();
        }
    }

    private static byte[] inflate(byte[] stored) {
        Inflater inflater = new Inflater(true);
        try {
            inflater.setInput(stored, 1, stored.length - 1);
            ByteArrayOutputStream out = new ByteArrayOutputStream(stored.length * 3);
            byte[] buffer = new byte[4096];
            while (!inflater.finished()) {
                int n = inflater.inflate(buffer);
                if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                    throw new IllegalArgumentException("not a sealed block");
                }
                out.write(buffer, 0, n);
            }
            return out.toByteArray();
        } catch (DataFormatException e) {
            throw new IllegalArgumentException("not a sealed block", e);
        } finally {
            inflater.end();
        }
    }
}
