package org.credence.app.bulk;

import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import java.io.StringReader;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Optional;
import org.credence.core.json.Jsons;

/** A {@link BulkRow} as the JSON stored with it between the dry run and the job. */
final class BulkRowCodec {

    private BulkRowCodec() {}

    static String write(BulkRow row) {
        JsonObjectBuilder json = Jsons.PROVIDER.createObjectBuilder().add("line", row.line());
        put(json, "email", row.email());
        put(json, "identifier", row.identifier());
        put(json, "name", row.name());
        put(json, "narrative", row.narrative());
        put(json, "result", row.result());
        put(json, "creditsEarned", row.creditsEarned().map(BigDecimal::toPlainString));
        row.evidence()
                .ifPresent(
                        evidence -> {
                            put(json, "evidenceUrl", evidence.url());
                            put(json, "evidenceName", evidence.name());
                            put(json, "evidenceDescription", evidence.description());
                        });
        put(json, "validFrom", row.validFrom().map(Instant::toString));
        put(json, "validUntil", row.validUntil().map(Instant::toString));
        put(json, "idempotencyKey", row.idempotencyKey());
        return json.build().toString();
    }

    static BulkRow read(String text) {
        JsonObject json;
        try (JsonReader reader = Jsons.PROVIDER.createReader(new StringReader(text))) {
            json = reader.readObject();
        }
        Optional<String> evidenceUrl = get(json, "evidenceUrl");
        Optional<String> evidenceName = get(json, "evidenceName");
        Optional<String> evidenceDescription = get(json, "evidenceDescription");
        Optional<BulkRow.Evidence> evidence =
                evidenceUrl.isPresent()
                                || evidenceName.isPresent()
                                || evidenceDescription.isPresent()
                        ? Optional.of(
                                new BulkRow.Evidence(
                                        evidenceUrl, evidenceName, evidenceDescription))
                        : Optional.empty();
        return new BulkRow(
                json.getJsonNumber("line").longValue(),
                get(json, "email"),
                get(json, "identifier"),
                get(json, "name"),
                get(json, "narrative"),
                get(json, "result"),
                get(json, "creditsEarned").map(BigDecimal::new),
                evidence,
                get(json, "validFrom").map(Instant::parse),
                get(json, "validUntil").map(Instant::parse),
                get(json, "idempotencyKey"));
    }

    private static void put(JsonObjectBuilder json, String name, Optional<String> value) {
        value.ifPresent(text -> json.add(name, text));
    }

    private static Optional<String> get(JsonObject json, String name) {
        return json.containsKey(name) ? Optional.of(json.getString(name)) : Optional.empty();
    }
}
