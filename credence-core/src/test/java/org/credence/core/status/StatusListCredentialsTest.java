package org.credence.core.status;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class StatusListCredentialsTest {

    private static final Clock CLOCK =
            Clock.fixed(Instant.parse("2026-01-02T03:04:05.678Z"), ZoneOffset.UTC);
    private static final URI LIST_ID = URI.create("https://badges.example.org/status/7");
    private static final String ISSUER = "did:key:z6MknLB67ysR7JTtJDE91bTka6e6qrkAFnhjWfSUyXP8NJDt";

    private final StatusListCredentials credentials = new StatusListCredentials(CLOCK);

    @Test
    void should_build_the_vc_2_shape_when_building_an_unsigned_credential() {
        // GIVEN
        BitstringStatusList list = BitstringStatusList.create(131_072).with(5, true);

        // WHEN
        JsonObject credential =
                credentials.unsigned(LIST_ID, ISSUER, StatusPurpose.SUSPENSION, list);

        // THEN
        assertThat(credential.getJsonArray("@context").getString(0))
                .isEqualTo("https://www.w3.org/ns/credentials/v2");
        assertThat(credential.getString("id")).isEqualTo(LIST_ID.toString());
        assertThat(credential.getJsonArray("type").getValuesAs(JsonString::getString))
                .containsExactly("VerifiableCredential", "BitstringStatusListCredential");
        assertThat(credential.getString("issuer")).isEqualTo(ISSUER);
        assertThat(credential.getString("validFrom")).isEqualTo("2026-01-02T03:04:05Z");
        JsonObject subject = credential.getJsonObject("credentialSubject");
        assertThat(subject.getString("id")).isEqualTo(LIST_ID + "#list");
        assertThat(subject.getString("type")).isEqualTo("BitstringStatusList");
        assertThat(subject.getString("statusPurpose")).isEqualTo("suspension");
        assertThat(subject.getString("encodedList")).isEqualTo(list.encode());
        assertThat(credential).doesNotContainKey("proof");
    }

    @Test
    void should_read_back_purpose_and_list_when_reading_a_built_credential() {
        // GIVEN
        BitstringStatusList list = BitstringStatusList.create(131_072).with(99, true);
        JsonObject credential =
                credentials.unsigned(LIST_ID, ISSUER, StatusPurpose.REVOCATION, list);

        // WHEN
        PublishedStatusList published = StatusListCredentials.read(credential);

        // THEN
        assertThat(published)
                .isEqualTo(
                        new PublishedStatusList(
                                LIST_ID.toString(), StatusPurpose.REVOCATION, list));
    }

    @Test
    void should_raise_status_verification_error_when_purposes_differ() {
        // GIVEN
        PublishedStatusList published =
                new PublishedStatusList(
                        LIST_ID.toString(),
                        StatusPurpose.SUSPENSION,
                        BitstringStatusList.create(131_072));
        StatusListEntry entry =
                new StatusListEntry(
                        null, "BitstringStatusListEntry", StatusPurpose.REVOCATION, 1, LIST_ID);

        // WHEN / THEN
        assertThatThrownBy(() -> published.statusOf(entry))
                .isInstanceOfSatisfying(
                        StatusListException.class,
                        e ->
                                assertThat(e.error())
                                        .isEqualTo(StatusListError.STATUS_VERIFICATION_ERROR));
    }

    @Test
    void should_refuse_when_the_credential_is_not_a_status_list_credential() {
        // GIVEN
        JsonObject credential =
                Json.createObjectBuilder()
                        .add("id", LIST_ID.toString())
                        .add("type", Json.createArrayBuilder().add("VerifiableCredential"))
                        .build();

        // WHEN / THEN
        assertThatThrownBy(() -> StatusListCredentials.read(credential))
                .isInstanceOfSatisfying(
                        StatusListException.class,
                        e ->
                                assertThat(e.error())
                                        .isEqualTo(
                                                StatusListError.MALFORMED_STATUS_LIST_CREDENTIAL));
    }

    @Test
    void should_refuse_when_the_encoded_list_is_missing() {
        // GIVEN
        JsonObject built =
                credentials.unsigned(
                        LIST_ID,
                        ISSUER,
                        StatusPurpose.REVOCATION,
                        BitstringStatusList.create(131_072));
        JsonObject credential =
                Json.createObjectBuilder(built)
                        .add(
                                "credentialSubject",
                                Json.createObjectBuilder(built.getJsonObject("credentialSubject"))
                                        .remove("encodedList"))
                        .build();

        // WHEN / THEN
        assertThatThrownBy(() -> StatusListCredentials.read(credential))
                .isInstanceOfSatisfying(
                        StatusListException.class,
                        e ->
                                assertThat(e.error())
                                        .isEqualTo(
                                                StatusListError.MALFORMED_STATUS_LIST_CREDENTIAL));
    }
}
