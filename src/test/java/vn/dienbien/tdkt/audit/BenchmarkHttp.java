package vn.dienbien.tdkt.audit;

import java.io.IOException;
import java.io.InputStream;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * The application over HTTP as one user (Basic auth): timed reads, and exports read as a stream and
 * discarded while the heap is sampled. Client and server share this JVM; the client holds one 64 KB
 * buffer, so what the heap shows is the server's.
 */
final class BenchmarkHttp {

    /** One timed answer. */
    record Timed(int status, double millis, int bytes) {
    }

    /** One export: rows and bytes received, time, and the heap while it ran. */
    record Export(String what, long rows, long bytes, double seconds, long baseline, long peakDelta,
            long afterGcDelta, long gcs) {
    }

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private final String base;
    private final String authorization;

    BenchmarkHttp(int port, String user, String password) {
        this.base = "http://127.0.0.1:" + port;
        this.authorization = "Basic " + Base64.getEncoder()
                .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    private HttpRequest request(String path) {
        return HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", authorization)
                .timeout(Duration.ofMinutes(30)).GET().build();
    }

    Timed get(String path) throws IOException, InterruptedException {
        long t0 = System.nanoTime();
        HttpResponse<byte[]> answer = client.send(request(path), HttpResponse.BodyHandlers.ofByteArray());
        double ms = (System.nanoTime() - t0) / 1e6;
        return new Timed(answer.statusCode(), ms, answer.body().length);
    }

    String text(String path) throws IOException, InterruptedException {
        HttpResponse<String> answer = client.send(request(path), HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() != 200) {
            throw new IllegalStateException(path + " → " + answer.statusCode() + ": " + answer.body());
        }
        return answer.body();
    }

    /** Reads the export as a stream, counting rows (CSV lines, or XLSX {@code <row} elements) and bytes. */
    Export export(String what, String path, boolean xlsx) throws Exception {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        System.gc();
        Thread.sleep(300);
        System.gc();
        long baseline = memory.getHeapMemoryUsage().getUsed();
        long gcsBefore = gcCount();
        HeapSampler sampler = new HeapSampler(memory);
        sampler.start();
        long t0 = System.nanoTime();
        HttpResponse<InputStream> answer = client.send(request(path), HttpResponse.BodyHandlers.ofInputStream());
        long[] counted;
        try (CountingStream body = new CountingStream(answer.body())) {
            if (answer.statusCode() != 200) {
                throw new IllegalStateException(path + " → " + answer.statusCode() + ": "
                        + new String(body.readAllBytes(), StandardCharsets.UTF_8));
            }
            long rows = xlsx ? xlsxRows(body) : csvRows(body);
            body.transferTo(java.io.OutputStream.nullOutputStream());
            counted = new long[] {rows, body.count};
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        long peak = sampler.finish();
        long gcs = gcCount() - gcsBefore;
        System.gc();
        Thread.sleep(300);
        long after = memory.getHeapMemoryUsage().getUsed();
        return new Export(what, counted[0], counted[1], seconds, baseline, peak - baseline, after - baseline, gcs);
    }

    private static long csvRows(InputStream in) throws IOException {
        byte[] buffer = new byte[65536];
        long lines = 0;
        for (int n; (n = in.read(buffer)) > 0;) {
            for (int i = 0; i < n; i++) {
                if (buffer[i] == '\n') {
                    lines++;
                }
            }
        }
        return lines - 1; // the header
    }

    private static long xlsxRows(InputStream in) throws IOException {
        byte[] pattern = "<row ".getBytes(StandardCharsets.US_ASCII);
        byte[] buffer = new byte[65536];
        long rows = 0;
        ZipInputStream zip = new ZipInputStream(in);
        for (ZipEntry entry; (entry = zip.getNextEntry()) != null;) {
            if (!entry.getName().startsWith("xl/worksheets/")) {
                continue;
            }
            int matched = 0;
            for (int n; (n = zip.read(buffer)) > 0;) {
                for (int i = 0; i < n; i++) {
                    byte b = buffer[i];
                    matched = b == pattern[matched] ? matched + 1 : (b == '<' ? 1 : 0);
                    if (matched == pattern.length) {
                        rows++;
                        matched = 0;
                    }
                }
            }
        }
        return rows - 1; // the header
    }

    private static long gcCount() {
        long count = 0;
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            count += Math.max(0, gc.getCollectionCount());
        }
        return count;
    }

    /** The heap used, sampled every 20 ms; its peak. */
    private static final class HeapSampler extends Thread {
        private final MemoryMXBean memory;
        private volatile boolean running = true;
        private volatile long peak;

        HeapSampler(MemoryMXBean memory) {
            super("heap-sampler");
            this.memory = memory;
            setDaemon(true);
        }

        @Override
        public void run() {
            while (running) {
                peak = Math.max(peak, memory.getHeapMemoryUsage().getUsed());
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }

        long finish() throws InterruptedException {
            running = false;
            join();
            return Math.max(peak, memory.getHeapMemoryUsage().getUsed());
        }
    }

    private static final class CountingStream extends java.io.FilterInputStream {
        long count;

        CountingStream(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count++;
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                count += n;
            }
            return n;
        }
    }

    /** Nearest-rank percentile of the times, in ms. */
    static double percentile(List<Double> millis, double p) {
        if (millis.isEmpty()) {
            return Double.NaN;
        }
        List<Double> sorted = new ArrayList<>(millis);
        Collections.sort(sorted);
        int rank = (int) Math.ceil(p / 100.0 * sorted.size());
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, rank - 1)));
    }
}
