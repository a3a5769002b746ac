package org.credence.core.status;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class StatusListEntryTest {

    private static final String LIST_URL = "https://badges.example.org/status/1";

    @Test
    void should_read_one_entry_when_credential_status_is_an_object() {
        // GIVEN
        JsonObject credential = credentialWith(entry("42").build());

        // WHEN
        List<StatusListEntry> entries = StatusListEntry.from(credential);

        // THEN
        assertThat(entries)
                .containsExactly(
                        new StatusListEntry(
                                LIST_URL + "#42",
                                "BitstringStatusListEntry",
                                StatusPurpose.REVOCATION,
                                42,
                                URI.create(LIST_URL)));
    }

    @Test
    void should_read_every_entry_when_credential_status_is_an_array() {
        // GIVEN
        JsonObject credential =
                credentialWith(
                        Json.createArrayBuilder()
                                .add(entry("1"))
                                .add(entry("2").add("statusPurpose", "suspension"))
                                .build());

        // WHEN
        List<StatusListEntry> entries = StatusListEntry.from(credential);

        // THEN
        assertThat(entries)
                .extracting(StatusListEntry::purpose, StatusListEntry::index)
                .containsExactly(
                        tuple(StatusPurpose.REVOCATION, 1), tuple(StatusPurpose.SUSPENSION, 2));
    }

    @Test
    void should_return_no_entry_when_credential_has_no_status() {
        // GIVEN
        JsonObject credential = Json.createObjectBuilder().add("id", "urn:uuid:1").build();

        // WHEN / THEN
        assertThat(StatusListEntry.from(credential)).isEmpty();
    }

    @Test
    void should_accept_the_older_type_when_entry_is_a_status_list_2021_entry() {
        // GIVEN
        JsonObject credential =
                credentialWith(entry("3").add("type", "StatusList2021Entry").build());

        // WHEN
        StatusListEntry entry = StatusListEntry.from(credential).get(0);

        // THEN
        assertThat(entry.type()).isEqualTo("StatusList2021Entry");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"-1", "1.5", "abc", "", " 7", "99999999999"})
    void should_refuse_when_index_is_negative_or_not_a_decimal_string(String index) {
        // GIVEN
        JsonObject credential = credentialWith(entry(index).build());

        // WHEN / THEN
        assertFails(credential, StatusListError.INVALID_STATUS_LIST_INDEX);
    }

    @Test
    void should_read_a_json_integer_index_as_the_reference_verifiers_do() {
        // GIVEN
        JsonObject credential = credentialWith(entry("0").add("statusListIndex", 7).build());

        // WHEN
        List<StatusListEntry> entries = StatusListEntry.from(credential);

        // THEN
        assertThat(entries).singleElement().extracting(StatusListEntry::index).isEqualTo(7);
    }

    @Test
    void should_refuse_when_index_is_a_negative_or_fractional_number() {
        // GIVEN
        JsonObject negative = credentialWith(entry("0").add("statusListIndex", -7).build());
        JsonObject fraction = credentialWith(entry("0").add("statusListIndex", 7.5).build());

        // WHEN / THEN
        assertFails(negative, StatusListError.INVALID_STATUS_LIST_INDEX);
        assertFails(fraction, StatusListError.INVALID_STATUS_LIST_INDEX);
    }

    @Test
    void should_refuse_when_type_is_not_a_status_list_entry() {
        // GIVEN
        JsonObject credential =
                credentialWith(entry("1").add("type", "1EdTechRevocationList").build());

        // WHEN / THEN
        assertFails(credential, StatusListError.UNSUPPORTED_STATUS_TYPE);
    }

    @Test
    void should_refuse_when_purpose_is_unknown() {
        // GIVEN
        JsonObject credential =
                credentialWith(entry("1").add("statusPurpose", "Revocation").build());

        // WHEN / THEN
        assertFails(credential, StatusListError.UNKNOWN_STATUS_PURPOSE);
    }

    @Test
    void should_refuse_when_status_size_is_above_1() {
        // GIVEN
        JsonObject credential = credentialWith(entry("1").add("statusSize", 2).build());

        // WHEN / THEN
        assertFails(credential, StatusListError.UNSUPPORTED_STATUS_SIZE);
    }

    @Test
    void should_refuse_when_list_url_is_missing_or_relative() {
        // GIVEN
        JsonObject missing = credentialWith(entry("1").remove("statusListCredential").build());
        JsonObject relative =
                credentialWith(entry("1").add("statusListCredential", "/status/1").build());

        // WHEN / THEN
        assertFails(missing, StatusListError.MALFORMED_STATUS_ENTRY);
        assertFails(relative, StatusListError.MALFORMED_STATUS_ENTRY);
    }

    private static void assertFails(JsonObject credential, StatusListError expected) {
        assertThatThrownBy(() -> StatusListEntry.from(credential))
                .isInstanceOfSatisfying(
                        StatusListException.class, e -> assertThat(e.error()).isEqualTo(expected));
    }

    private static JsonObjectBuilder entry(String index) {
        return Json.createObjectBuilder()
                .add("id", LIST_URL + "#" + index)
                .add("type", "BitstringStatusListEntry")
                .add("statusPurpose", "revocation")
                .add("statusListIndex", index)
                .add("statusListCredential", LIST_URL);
    }

    private static JsonObject credentialWith(JsonValue status) {
        return Json.createObjectBuilder()
                .add("id", "urn:uuid:1")
                .add("credentialStatus", status)
                .build();
    }
}
