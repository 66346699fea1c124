package vn.dienbien.tdkt.audit;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes the sample case (returned for supplement, decided, three entries altered) as PDF to the
 * path given, to look at the layout: {@code CasePdfSample /tmp/case-sample.pdf}, then
 * {@code pdftoppm -png -r 60 -f 1 -l 1 /tmp/case-sample.pdf /tmp/case-sample}.
 */
final class CasePdfSample {

    private CasePdfSample() {
    }

    public static void main(String[] args) throws IOException {
        try (OutputStream out = Files.newOutputStream(Path.of(args[0]))) {
            new CasePdf().write(CaseRecordSamples.dossierWithAlterations(), out);
        }
    }
}
