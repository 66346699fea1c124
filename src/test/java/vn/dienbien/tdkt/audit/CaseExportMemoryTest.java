package vn.dienbien.tdkt.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * Large exports stream: a case of ten thousand events is exported in a JVM whose whole heap is
 * 32 MB. Printing the same case as one table in memory runs out of a 64 MB heap, so this fails if
 * the rows stop being flushed to the stream as they are made.
 */
class CaseExportMemoryTest {

    private static final String HEAP = "-Xmx32m";

    @Test
    void tenThousandEventsPrintAsPdfInA32MegabyteHeap() throws Exception {
        assertThat(runInSmallHeap("pdf", 10_000)).startsWith("written=");
    }

    @Test
    void tenThousandEventsWriteAsJsonInA32MegabyteHeap() throws Exception {
        assertThat(runInSmallHeap("json", 10_000)).startsWith("written=");
    }

    private static String runInSmallHeap(String format, int events) throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process process = new ProcessBuilder(java, HEAP, "-Dfile.encoding=UTF-8", "-cp", System.getProperty("java.class.path"),
                CaseExportHeapProbe.class.getName(), format, String.valueOf(events))
                .redirectErrorStream(true)
                .start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        int exit = process.waitFor();
        System.out.printf("%s of %d events in %s: %s%n", format.toUpperCase(), events, HEAP, output);
        assertThat(exit).as(output).isZero();
        return output;
    }
}
