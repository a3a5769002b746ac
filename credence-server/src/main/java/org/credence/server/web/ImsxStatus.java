package org.credence.server.web;

import org.credence.core.json.Jsons;

/**
 * The 1EdTech {@code Imsx_StatusInfo} error body the Open Badges 3.0 Service API answers with: code
 * major {@code failure}, severity {@code error}, the detail as description, and the code minor the
 * spec's vocabulary has for the HTTP status.
 */
final class ImsxStatus {

    private ImsxStatus() {}

    static String json(int status, String detail) {
        return Jsons.PROVIDER
                .createObjectBuilder()
                .add("imsx_codeMajor", "failure")
                .add("imsx_severity", "error")
                .add("imsx_description", detail)
                .add(
                        "imsx_codeMinor",
                        Jsons.PROVIDER
                                .createObjectBuilder()
                                .add(
                                        "imsx_codeMinorField",
                                        Jsons.PROVIDER
                                                .createArrayBuilder()
                                                .add(
                                                        Jsons.PROVIDER
                                                                .createObjectBuilder()
                                                                .add(
                                                                        "imsx_codeMinorFieldName",
                                                                        "credence")
                                                                .add(
                                                                        "imsx_codeMinorFieldValue",
                                                                        codeMinor(status)))))
                .build()
                .toString();
    }

    private static String codeMinor(int status) {
        return switch (status) {
            case 400, 413 -> "invalid_data";
            case 401 -> "unauthorizedrequest";
            case 403 -> "forbidden";
            case 405 -> "not_allowed";
            case 429 -> "server_busy";
            case 500 -> "internal_server_error";
            default -> "unknown";
        };
    }
}
