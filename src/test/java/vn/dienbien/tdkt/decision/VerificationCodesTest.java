package vn.dienbien.tdkt.decision;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Mã xác thực: twelve Crockford base32 characters, printed in three groups, typed in any case. */
class VerificationCodesTest {

    @Test
    void codesAreTwelveCrockfordCharactersAndDoNotRepeat() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 20_000; i++) {
            String code = VerificationCodes.generate();
            assertThat(code).matches("[0-9A-HJKMNP-TV-Z]{12}");
            assertThat(seen.add(code)).as("codes drawn from 60 random bits do not repeat").isTrue();
        }
    }

    @Test
    void aCodeIsPrintedInThreeGroupsAndReadBackHoweverItIsTyped() {
        String code = "7KQ2M9XR4TBD";
        assertThat(VerificationCodes.display(code)).isEqualTo("7KQ2-M9XR-4TBD");
        assertThat(VerificationCodes.normalise("7kq2-m9xr-4tbd")).contains(code);
        assertThat(VerificationCodes.normalise(" 7KQ2 M9XR 4TBD ")).contains(code);
        assertThat(VerificationCodes.normalise("7KQ2M9XR4TBD")).contains(code);
        // Crockford: I and L read as 1, O as 0.
        assertThat(VerificationCodes.normalise("IOLK-0000-1111")).contains("101K00001111");
    }

    @Test
    void whatCannotBeACodeIsRefusedBeforeAnyLookUp() {
        assertThat(VerificationCodes.normalise("7KQ2-M9XR-4TB")).isEmpty();
        assertThat(VerificationCodes.normalise("7KQ2-M9XR-4TBDD")).isEmpty();
        assertThat(VerificationCodes.normalise("7KQ2-M9XR-4TBU")).as("U is not in the alphabet").isEmpty();
        assertThat(VerificationCodes.normalise("' or '1'='1")).isEmpty();
        assertThat(VerificationCodes.normalise("x".repeat(1000))).isEmpty();
        assertThat(VerificationCodes.normalise(null)).isEmpty();
    }
}
