package vn.dienbien.tdkt.decision;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every printed QR code must read back as its address, whatever the random code. The certificate test
 * once failed at random on one code out of about a hundred; this reads back 2,000 random addresses.
 */
class QrCodesTest {

    @Test
    void everyVerificationAddressReadsBackFromItsImage() throws Exception {
        List<String> unread = new ArrayList<>();
        for (int i = 0; i < 2000; i++) {
            String address = "http://localhost:8080/public/verify/" + VerificationCodes.display(VerificationCodes.generate());
            String read;
            try {
                read = CertificateVerificationTest.decodeQr(QrCodes.png(address));
            } catch (com.google.zxing.NotFoundException e) {
                read = null;
            }
            if (!address.equals(read)) {
                unread.add(address);
            }
        }
        assertThat(unread).as("addresses whose QR code did not read back").isEmpty();
    }
}
