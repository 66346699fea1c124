package vn.dienbien.tdkt.audit;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.OutputStream;

/**
 * Renders a case of N events to nowhere, in a JVM of its own started with a small heap by
 * {@link CaseExportMemoryTest}: {@code CaseExportHeapProbe pdf|json N}. Prints the bytes written.
 */
final class CaseExportHeapProbe {

    private CaseExportHeapProbe() {
    }

    public static void main(String[] args) {
        long[] written = {0};
        OutputStream nowhere = new OutputStream() {
            @Override
            public void write(int b) {
                written[0]++;
            }

            @Override
            public void write(byte[] b, int off, int len) {
                written[0] += len;
            }
        };
        CaseRecord record = CaseRecordSamples.manyEntries(Integer.parseInt(args[1]));
        if ("pdf".equals(args[0])) {
            new CasePdf().write(record, nowhere);
        } else {
            new CaseJson(new ObjectMapper()).write(record, nowhere);
        }
        System.out.println("written=" + written[0]);
    }
}
