package vn.dienbien.tdkt.audit;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import vn.dienbien.tdkt.audit.CaseRecord.Integrity;
import vn.dienbien.tdkt.audit.CaseRecord.RelatedCase;
import vn.dienbien.tdkt.audit.CaseRecord.TimelineEntry;

/**
 * Hồ sơ kiểm tra dạng JSON: a case's complete record for other tools — summary, procedure,
 * integrity verdict, related cases and every timeline entry, written one by one with Jackson's
 * streaming generator. Times are ISO-8601 with Vietnam's offset (+07:00). The stream is flushed,
 * not closed.
 */
@Component
class CaseJson {

    private final ObjectMapper json;

    CaseJson(ObjectMapper json) {
        this.json = json;
    }

    /** Writes the record as UTF-8 JSON to {@code out}; {@code out} stays open. */
    void write(CaseRecord record, OutputStream out) {
        try (JsonGenerator gen = json.getFactory().createGenerator(out, JsonEncoding.UTF8)) {
            gen.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            gen.writeStartObject();
            gen.writeStringField("caseId", record.summary().caseId());
            date(gen, "generatedAt", record.generatedAt());
            summary(gen, record.summary());
            gen.writeObjectFieldStart("process");
            gen.writeStringField("key", record.processDefinitionKey());
            gen.writeStringField("name", record.processDefinitionName());
            gen.writeNumberField("version", record.processDefinitionVersion());
            gen.writeEndObject();
            integrity(gen, record.integrity());
            related(gen, record.related() == null ? List.of() : record.related());
            List<TimelineEntry> entries = record.entries() == null ? List.of() : record.entries();
            gen.writeNumberField("entryCount", entries.size());
            gen.writeArrayFieldStart("entries");
            for (TimelineEntry entry : entries) {
                entry(gen, entry);
            }
            gen.writeEndArray();
            gen.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void summary(JsonGenerator gen, CaseSummary s) throws IOException {
        gen.writeObjectFieldStart("summary");
        gen.writeStringField("kind", s.kind());
        gen.writeStringField("kindLabel", s.kindLabel());
        if (s.recordId() == null) {
            gen.writeNullField("recordId");
        } else {
            gen.writeNumberField("recordId", s.recordId());
        }
        gen.writeStringField("title", s.title());
        gen.writeStringField("campaignCode", s.campaignCode());
        if (s.year() == null) {
            gen.writeNullField("year");
        } else {
            gen.writeNumberField("year", s.year());
        }
        gen.writeStringField("unitCode", s.unitCode());
        gen.writeStringField("unitName", s.unitName());
        gen.writeStringField("groupName", s.groupName());
        gen.writeStringField("awardCode", s.awardCode());
        gen.writeStringField("awardName", s.awardName());
        gen.writeStringField("nomineeName", s.nomineeName());
        gen.writeStringField("status", s.status());
        gen.writeStringField("statusLabel", s.statusLabel());
        gen.writeStringField("decisionCode", s.decisionCode());
        gen.writeStringField("revocation", s.revocation());
        date(gen, "startedAt", s.startedAt());
        date(gen, "endedAt", s.endedAt());
        gen.writeEndObject();
    }

    private static void integrity(JsonGenerator gen, Integrity integrity) throws IOException {
        if (integrity == null) {
            gen.writeNullField("integrity");
            return;
        }
        gen.writeObjectFieldStart("integrity");
        gen.writeBooleanField("intact", integrity.intact());
        gen.writeNumberField("sealedEntries", integrity.sealedEntries());
        gen.writeNumberField("flaggedEntries", integrity.flaggedEntries());
        gen.writeBooleanField("chainIntact", integrity.chainIntact());
        gen.writeArrayFieldStart("problems");
        for (String problem : integrity.problems() == null ? List.<String>of() : integrity.problems()) {
            gen.writeString(problem);
        }
        gen.writeEndArray();
        gen.writeEndObject();
    }

    private static void related(JsonGenerator gen, List<RelatedCase> related) throws IOException {
        gen.writeArrayFieldStart("related");
        for (RelatedCase other : related) {
            gen.writeStartObject();
            gen.writeStringField("caseId", other.caseId());
            gen.writeStringField("kind", other.kind());
            gen.writeStringField("label", other.label());
            gen.writeStringField("relation", other.relation());
            gen.writeEndObject();
        }
        gen.writeEndArray();
    }

    private static void entry(JsonGenerator gen, TimelineEntry entry) throws IOException {
        gen.writeStartObject();
        date(gen, "at", entry.at());
        gen.writeStringField("time", entry.time());
        gen.writeStringField("source", entry.source());
        gen.writeStringField("kind", entry.kind());
        gen.writeStringField("title", entry.title());
        gen.writeStringField("actorId", entry.actorId());
        gen.writeStringField("actorName", entry.actorName());
        gen.writeObjectFieldStart("details");
        for (Map.Entry<String, String> detail : (entry.details() == null ? Map.<String, String>of() : entry.details()).entrySet()) {
            gen.writeStringField(detail.getKey(), detail.getValue());
        }
        gen.writeEndObject();
        gen.writeStringField("link", entry.link());
        gen.writeStringField("itemRef", entry.itemRef());
        gen.writeStringField("integrity", entry.integrity());
        gen.writeBooleanField("flagged", entry.flagged());
        gen.writeEndObject();
    }

    private static void date(JsonGenerator gen, String field, OffsetDateTime at) throws IOException {
        gen.writeStringField(field, CaseRecordText.iso(at));
    }
}
