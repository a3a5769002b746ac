package org.credence.server;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.credence.server.TestServer.Browser;

/** A multipart/form-data request body built by hand, as a browser sends a form with files. */
final class Multipart {

    /** A file part. */
    record File(String filename, String contentType, byte[] content) {}

    private final String boundary = "----credence" + UUID.randomUUID().toString().replace("-", "");
    private final ByteArrayOutputStream body = new ByteArrayOutputStream();

    Multipart field(String name, String value) {
        write(
                "--"
                        + boundary
                        + "\r\nContent-Disposition: form-data; name=\""
                        + name
                        + "\"\r\n\r\n");
        write(value);
        write("\r\n");
        return this;
    }

    Multipart fields(Map<String, String> fields) {
        fields.forEach(this::field);
        return this;
    }

    Multipart file(String name, File file) {
        write(
                "--"
                        + boundary
                        + "\r\nContent-Disposition: form-data; name=\""
                        + name
                        + "\"; filename=\""
                        + file.filename()
                        + "\"\r\nContent-Type: "
                        + file.contentType()
                        + "\r\n\r\n");
        body.writeBytes(file.content());
        write("\r\n");
        return this;
    }

    byte[] bytes() {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        all.writeBytes(body.toByteArray());
        all.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return all.toByteArray();
    }

    String contentType() {
        return "multipart/form-data; boundary=" + boundary;
    }

    /** Posts the form with the browser's session cookie and CSRF token. */
    static HttpResponse<String> post(
            TestServer server,
            String path,
            Browser browser,
            Map<String, String> fields,
            Map<String, File> files) {
        Map<String, String> all = new LinkedHashMap<>();
        all.put("_csrf", browser.csrf());
        all.putAll(fields);
        Multipart multipart = new Multipart().fields(all);
        files.forEach(multipart::file);
        return server.send(
                HttpRequest.newBuilder(server.uri(path))
                        .header("Cookie", "credence_session=" + browser.cookie())
                        .header("Content-Type", multipart.contentType())
                        .POST(HttpRequest.BodyPublishers.ofByteArray(multipart.bytes())));
    }

    private void write(String text) {
        body.writeBytes(text.getBytes(StandardCharsets.UTF_8));
    }
}
