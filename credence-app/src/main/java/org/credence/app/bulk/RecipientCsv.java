package org.credence.app.bulk;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.credence.app.AppException;
import org.credence.app.CsvInput;
import org.credence.app.RowProblem;
import org.credence.app.issuer.WebReferences;

/**
 * Reads the recipients of a bulk issue from CSV (RFC 4180, a header row, UTF-8 with or without a
 * byte order mark) and checks every row: a recipient e-mail or identifier, field lengths, control
 * characters, URLs, numbers, dates, and duplicate recipients within the file. An unknown column
 * refuses the whole file, since it is most often a misspelt column whose data would be lost.
 *
 * <p>Values are kept as text and never evaluated: a cell such as {@code =HYPERLINK(…)} or {@code
 * <script>} is stored as written, escaped wherever it is shown, and neutralised in CSV exports.
 * Stateless and thread-safe.
 */
public final class RecipientCsv {

    public static final int MAX_ROWS = 100_000;
    public static final int MAX_PROBLEMS = 1_000;

    /** The columns a file may have, each at most this many characters. */
    static final Map<String, Integer> COLUMNS = columns();

    /** RFC 3986 scheme, as a DID or URL starts: {@code did:…}, {@code https://…}, {@code urn:…}. */
    private static final Pattern DID = Pattern.compile("did:[a-z0-9]+:[A-Za-z0-9._:%\\-]+.*");

    private RecipientCsv() {}

    /** Reads and checks a whole file. Never throws for bad content: it reports it. */
    public static BulkPlan read(Reader input) {
        List<BulkRow> rows = new ArrayList<>();
        List<RowProblem> problems = new ArrayList<>();
        int problemCount = 0;
        try (CSVParser parser = CsvInput.parse(input)) {
            List<String> header = parser.getHeaderNames();
            Map<String, String> columnOf = new LinkedHashMap<>();
            for (String raw : header) {
                String column = normalise(raw);
                if (!COLUMNS.containsKey(column)) {
                    return refused(
                            "unknown column '"
                                    + raw
                                    + "'; the columns are "
                                    + String.join(", ", COLUMNS.keySet()));
                }
                if (columnOf.put(column, raw) != null) {
                    return refused("column '" + column + "' appears twice");
                }
            }
            if (!columnOf.containsKey("email") && !columnOf.containsKey("identifier")) {
                return refused("an 'email' or an 'identifier' column is required");
            }
            Map<String, Long> lineOfRecipient = new HashMap<>();
            Iterator<CSVRecord> records = parser.iterator();
            while (records.hasNext()) {
                CSVRecord record = records.next();
                long line = parser.getCurrentLineNumber();
                if (record.getRecordNumber() > MAX_ROWS) {
                    return refused("more than " + MAX_ROWS + " rows; split the file");
                }
                try {
                    BulkRow row = row(line, record, header.size(), columnOf);
                    String duplicateKey =
                            row.recipientKey() + "\u001f" + row.idempotencyKey().orElse("");
                    Long first = lineOfRecipient.putIfAbsent(duplicateKey, line);
                    if (first != null) {
                        throw AppException.invalid(
                                "duplicate recipient "
                                        + row.recipientKey().replaceFirst("^mailto:", "")
                                        + " (first on line "
                                        + first
                                        + "; give each row its own idempotency_key to award twice)");
                    }
                    rows.add(row);
                } catch (AppException e) {
                    problemCount++;
                    if (problems.size() < MAX_PROBLEMS) {
                        problems.add(new RowProblem(line, e.getMessage()));
                    }
                }
            }
        } catch (IllegalArgumentException | IllegalStateException | UncheckedIOException e) {
            // Malformed CSV: a duplicate or empty header, an unterminated quote …
            long line = problems.isEmpty() ? 1 : problems.get(problems.size() - 1).line();
            return new BulkPlan(
                    List.of(),
                    List.of(new RowProblem(line, "unreadable CSV: " + e.getMessage())),
                    rows.size() + problemCount + 1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new BulkPlan(rows, problems, problemCount);
    }

    private static BulkRow row(
            long line, CSVRecord record, int width, Map<String, String> columnOf) {
        if (record.size() != width) {
            throw AppException.invalid("expected " + width + " columns, found " + record.size());
        }
        Optional<String> email =
                text(record, columnOf, "email").map(v -> WebReferences.requireEmail("email", v));
        Optional<String> identifier =
                text(record, columnOf, "identifier").map(RecipientCsv::requireIdentifier);
        if (email.isEmpty() && identifier.isEmpty()) {
            throw AppException.invalid("email: a recipient e-mail or identifier is required");
        }
        if (email.isPresent() && identifier.isPresent()) {
            throw AppException.invalid(
                    "identifier: give either an e-mail or an identifier, not both");
        }
        Optional<String> evidenceUrl =
                text(record, columnOf, "evidence_url")
                        .map(v -> WebReferences.requireAbsoluteUrl("evidence_url", v));
        Optional<String> evidenceName = text(record, columnOf, "evidence_name");
        Optional<String> evidenceDescription = text(record, columnOf, "evidence_description");
        if (evidenceUrl.isEmpty()
                && (evidenceName.isPresent() || evidenceDescription.isPresent())) {
            throw AppException.invalid(
                    "evidence_url: required when evidence_name or evidence_description is given");
        }
        Optional<BulkRow.Evidence> evidence =
                evidenceUrl.isPresent()
                                || evidenceName.isPresent()
                                || evidenceDescription.isPresent()
                        ? Optional.of(
                                new BulkRow.Evidence(
                                        evidenceUrl, evidenceName, evidenceDescription))
                        : Optional.empty();
        Optional<Instant> validFrom =
                text(record, columnOf, "valid_from").map(v -> instant("valid_from", v, false));
        Optional<Instant> validUntil =
                text(record, columnOf, "valid_until").map(v -> instant("valid_until", v, true));
        if (validFrom.isPresent()
                && validUntil.isPresent()
                && !validUntil.get().isAfter(validFrom.get())) {
            throw AppException.invalid("valid_until: must be after valid_from");
        }
        return new BulkRow(
                line,
                email,
                identifier,
                text(record, columnOf, "name"),
                text(record, columnOf, "narrative"),
                text(record, columnOf, "result"),
                text(record, columnOf, "credits_earned").map(RecipientCsv::credits),
                evidence,
                validFrom,
                validUntil,
                text(record, columnOf, "idempotency_key"));
    }

    private static Optional<String> text(
            CSVRecord record, Map<String, String> columnOf, String column) {
        String raw = columnOf.get(column);
        if (raw == null) {
            return Optional.empty();
        }
        String value = WebReferences.optionalText(column, record.get(raw), COLUMNS.get(column));
        return value.isEmpty() ? Optional.empty() : Optional.of(value);
    }

    private static String requireIdentifier(String value) {
        if (DID.matcher(value).matches()) {
            return value;
        }
        return WebReferences.requireAbsoluteUrl("identifier", value);
    }

    private static BigDecimal credits(String value) {
        try {
            BigDecimal credits = new BigDecimal(value);
            if (credits.signum() < 0 || credits.scale() > 2 || credits.precision() > 8) {
                throw AppException.invalid(
                        "credits_earned: must be a number ≥ 0 with at most 2 decimals: " + value);
            }
            return credits;
        } catch (NumberFormatException e) {
            throw AppException.invalid("credits_earned: not a number: " + value);
        }
    }

    /**
     * An ISO 8601 instant ({@code 2026-06-30T12:00:00Z}) or date; a date means the start of that
     * day in UTC for {@code valid_from} and its end for {@code valid_until}.
     */
    private static Instant instant(String column, String value, boolean endOfDay) {
        try {
            if (value.length() == 10) {
                LocalDate date = LocalDate.parse(value);
                return endOfDay
                        ? date.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant().minusSeconds(1)
                        : date.atStartOfDay(ZoneOffset.UTC).toInstant();
            }
            return Instant.parse(value);
        } catch (DateTimeException e) {
            throw AppException.invalid(
                    column
                            + ": not a date (2026-06-30) or instant (2026-06-30T12:00:00Z): "
                            + value);
        }
    }

    /** Header names are compared ignoring case, surrounding spaces, and spaces or dashes inside. */
    static String normalise(String header) {
        return header.strip().toLowerCase(Locale.ROOT).replace(' ', '_').replace('-', '_');
    }

    private static BulkPlan refused(String message) {
        return new BulkPlan(List.of(), List.of(new RowProblem(1, message)), 1);
    }

    private static Map<String, Integer> columns() {
        Map<String, Integer> columns = new LinkedHashMap<>();
        columns.put("email", 320);
        columns.put("identifier", WebReferences.MAX_URL);
        columns.put("name", 200);
        columns.put("narrative", 4000);
        columns.put("result", 200);
        columns.put("credits_earned", 20);
        columns.put("evidence_url", WebReferences.MAX_URL);
        columns.put("evidence_name", 200);
        columns.put("evidence_description", 4000);
        columns.put("valid_from", 40);
        columns.put("valid_until", 40);
        columns.put("idempotency_key", 200);
        return java.util.Collections.unmodifiableMap(columns);
    }

    /** The column names, in the order the documentation lists them. */
    public static Set<String> columnNames() {
        return COLUMNS.keySet();
    }
}
