package vn.dienbien.tdkt.audit;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * The application over HTTP as one user (Basic auth): timed reads, and exports read as a stream (a
 * CSV counted and discarded, an XLSX copied to a temporary file) while the heap is sampled. Client and
 * server share this JVM; the client holds one buffer at a time, so what the heap shows is the server's.
 */
final class BenchmarkHttp {

    /** One timed answer. */
    record Timed(int status, double millis, int bytes) {
    }

    /** One export: rows and bytes received, time, and the heap while it ran. */
    record Export(String what, long rows, long bytes, double seconds, long baseline, long peakDelta,
            long liveDelta, long afterGcDelta, long gcs) {
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

    /** The largest heap a full collection left while the export ran, and how many were made. */
    record Live(long maxDelta, int collections) {
    }

    /**
     * The export again, a full collection ({@code System.gc()}) made every 20 ms while it runs and the
     * heap used after each kept: the largest, less the baseline, is what the export held at its fullest.
     */
    Live live(String path) throws Exception {
        long baseline = HeapWatch.settle();
        HeapWatch watch = HeapWatch.forcing();
        HttpResponse<InputStream> answer = client.send(request(path), HttpResponse.BodyHandlers.ofInputStream());
        try (InputStream body = answer.body()) {
            body.transferTo(java.io.OutputStream.nullOutputStream());
        }
        var seen = watch.stop();
        return new Live(seen.peak() - baseline, (int) seen.collections());
    }

    /** Reads the export as a stream, counting rows (CSV lines, or XLSX {@code <row} elements) and bytes. */
    Export export(String what, String path, boolean xlsx) throws Exception {
        long baseline = HeapWatch.settle();
        HeapWatch watch = HeapWatch.watch();
        long t0 = System.nanoTime();
        HttpResponse<InputStream> answer = client.send(request(path), HttpResponse.BodyHandlers.ofInputStream());
        long rows;
        long bytes;
        // An XLSX is written to a temporary file as it arrives (its rows are counted from the file after:
        // a workbook's entries can be read only through its central directory, at the end).
        Path file = xlsx ? Files.createTempFile("audit-benchmark", ".xlsx") : null;
        try (CountingStream body = new CountingStream(answer.body())) {
            if (answer.statusCode() != 200) {
                throw new IllegalStateException(path + " → " + answer.statusCode() + ": "
                        + new String(body.readAllBytes(), StandardCharsets.UTF_8));
            }
            if (xlsx) {
                Files.copy(body, file, StandardCopyOption.REPLACE_EXISTING);
                rows = -1;
            } else {
                rows = csvRows(body);
            }
            bytes = body.count;
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        var seen = watch.stop();
        if (xlsx) {
            rows = xlsxRows(file);
            Files.delete(file);
        }
        long after = HeapWatch.settle();
        return new Export(what, rows, bytes, seconds, baseline, seen.peak() - baseline,
                seen.liveAfterGc() < 0 ? -1 : seen.liveAfterGc() - baseline, after - baseline, seen.collections());
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

    private static long xlsxRows(Path file) throws IOException {
        byte[] pattern = "<row ".getBytes(StandardCharsets.US_ASCII);
        byte[] buffer = new byte[65536];
        long rows = 0;
        try (ZipFile zip = new ZipFile(file.toFile())) {
            for (var entries = zip.entries(); entries.hasMoreElements();) {
                ZipEntry entry = entries.nextElement();
                if (!entry.getName().startsWith("xl/worksheets/")) {
                    continue;
                }
                try (InputStream in = zip.getInputStream(entry)) {
                    int matched = 0;
                    for (int n; (n = in.read(buffer)) > 0;) {
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
            }
        }
        return rows - 1; // the header
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
