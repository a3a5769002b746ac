package org.credence.server.web;

import org.credence.app.audit.AuditEvent;

/**
 * One audit event as an RFC 4180 CSV row. Cells that a spreadsheet would run as a formula (leading
 * {@code = + - @}, tab or CR) are prefixed with an apostrophe.
 */
final class AuditCsv {

    private AuditCsv() {}

    static String row(AuditEvent event) {
        return String.join(
                        ",",
                        event.id().toString(),
                        event.occurredAt().toString(),
                        cell(event.actor()),
                        cell(event.action()),
                        cell(event.subject()),
                        cell(event.detail()))
                + "\r\n";
    }

    static String cell(String value) {
        String text = value;
        if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
            text = "'" + text;
        }
        return "\"" + text.replace("\"", "\"\"") + "\"";
    }
}
