package org.credence.server.web;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Renders the precompiled JTE templates ({@code src/main/jte}, HTML content type: every {@code
 * ${…}} is escaped). Thread-safe.
 */
public final class Views {

    private final TemplateEngine engine = TemplateEngine.createPrecompiled(ContentType.Html);

    /** Renders {@code template} with the layout's {@code page} and the template's parameters. */
    public void render(Context ctx, String template, Page page, Object... namesAndValues) {
        ctx.contentType("text/html; charset=utf-8").result(html(template, page, namesAndValues));
    }

    String html(String template, Page page, Object... namesAndValues) {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("page", page);
        return render(template, params, namesAndValues);
    }

    /** Renders a template without the layout (a fragment for progressive JavaScript). */
    public String fragment(String template, Object... namesAndValues) {
        return render(template, new LinkedHashMap<>(), namesAndValues);
    }

    private String render(String template, Map<String, Object> params, Object... namesAndValues) {
        for (int i = 0; i < namesAndValues.length; i += 2) {
            params.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        StringOutput output = new StringOutput();
        engine.render(template, params, output);
        return output.toString();
    }
}
