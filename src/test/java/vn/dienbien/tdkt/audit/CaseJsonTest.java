package vn.dienbien.tdkt.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.TimeZone;
import org.junit.jupiter.api.Test;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;

/** The record as JSON for other tools: every entry, the integrity verdict, Vietnamese text and Vietnam's times as written. */
class CaseJsonTest {

    /** Built as Spring Boot builds the application's mapper (spring.jackson.time-zone: Asia/Ho_Chi_Minh). */
    private final ObjectMapper mapper = Jackson2ObjectMapperBuilder.json().timeZone(TimeZone.getTimeZone("Asia/Ho_Chi_Minh")).build();
    private final CaseJson json = new CaseJson(mapper);

    @Test
    void theRecordReadsBackWithEveryEntryAndTheIntegrityVerdict() throws IOException {
        JsonNode root = write(CaseRecordSamples.dossierWithAlterations());

        assertThat(root.path("caseId").asText()).isEqualTo("4f1c2d3e-0b1a-11f0-9c2e-0242ac120002");
        assertThat(root.path("summary").path("nomineeName").asText()).isEqualTo(CaseRecordSamples.NOMINEE);
        assertThat(root.path("summary").path("awardName").asText()).isEqualTo(CaseRecordSamples.AWARD);
        assertThat(root.path("summary").path("year").asInt()).isEqualTo(2024);
        assertThat(root.path("process").path("version").asInt()).isEqualTo(3);
        assertThat(root.path("related")).hasSize(2);

        JsonNode integrity = root.path("integrity");
        assertThat(integrity.path("intact").asBoolean(true)).isFalse();
        assertThat(integrity.path("chainIntact").asBoolean(true)).isFalse();
        assertThat(integrity.path("sealedEntries").asInt()).isEqualTo(5);
        assertThat(integrity.path("flaggedEntries").asInt()).isEqualTo(3);
        assertThat(integrity.path("problems")).hasSize(3);

        JsonNode entries = root.path("entries");
        assertThat(root.path("entryCount").asInt()).isEqualTo(6);
        assertThat(entries).hasSize(6);
        assertThat(entries).extracting(entry -> entry.path("integrity").asText())
                .containsExactly("OK", "OK", "CHANGED", "REMOVED", "UNSEALED", "OK");
        assertThat(entries).extracting(entry -> entry.path("flagged").asBoolean())
                .containsExactly(false, false, true, true, true, false);
        JsonNode returned = entries.get(2);
        assertThat(returned.path("title").asText()).isEqualTo(CaseRecordSamples.RETURN_TITLE);
        assertThat(returned.path("actorName").asText()).isEqualTo("Trần Thị Bình");
        assertThat(returned.path("details").path("Lý do").asText()).isEqualTo(CaseRecordSamples.RETURN_REASON);
        assertThat(entries.get(1).path("details").path("Tóm tắt thành tích").asText()).isEqualTo(CaseRecordSamples.LONG_SUMMARY);
        assertThat(entries.get(1).path("link").asText()).isEqualTo("/api/documents/17/download");
        assertThat(entries.get(0).path("link").isNull()).isTrue();
    }

    @Test
    void timesAreIsoWithVietnamsOffsetAndDetailsKeepTheirReadingOrder() throws IOException {
        JsonNode root = write(CaseRecordSamples.dossierWithAlterations());

        assertThat(root.path("generatedAt").asText()).isEqualTo("2026-12-01T10:04:00+07:00");
        assertThat(root.path("summary").path("startedAt").asText()).isEqualTo("2025-03-03T08:15:42+07:00");
        assertThat(root.path("entries").get(2).path("at").asText()).isEqualTo("2025-03-04T08:15:42+07:00");
        List<String> labels = new ArrayList<>();
        root.path("entries").get(1).path("details").fieldNames().forEachRemaining(labels::add);
        assertThat(labels).containsExactly("Hình thức khen thưởng", "Đối tượng", "Tóm tắt thành tích");
    }

    @Test
    void tenThousandEntriesAreAllWrittenAndTheStreamStaysOpen() throws IOException {
        boolean[] closed = {false};
        ByteArrayOutputStream out = new ByteArrayOutputStream() {
            @Override
            public void close() {
                closed[0] = true;
            }
        };
        json.write(CaseRecordSamples.manyEntries(10_000), out);

        assertThat(closed[0]).isFalse();
        JsonNode root = mapper.readTree(out.toByteArray());
        assertThat(root.path("entries")).hasSize(10_000);
        assertThat(root.path("entries").get(9_999).path("title").asText()).startsWith("[#09999]");
    }

    private JsonNode write(CaseRecord record) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        json.write(record, out);
        return mapper.readTree(out.toByteArray());
    }
}
