package org.credence.server.web;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.http.UploadedFile;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.credence.app.AppException;
import org.credence.app.RowProblem;
import org.credence.app.organization.Session;
import org.credence.app.skill.FrameworkImport;
import org.credence.app.skill.ImportReport;
import org.credence.app.skill.Skill;
import org.credence.app.skill.SkillService;
import org.credence.server.CredenceServer;

/**
 * {@code /app/skills}: the organisation's frameworks, skill search, and importing a framework from
 * CSV with a column mapping (issuers and owners); a refused file is shown with every refused line.
 * {@code /app/skills/options} answers the achievement form's skill picker with a fragment.
 */
public final class SkillPages {

    static final int SEARCH_RESULTS = 25;

    private final SkillService skills;
    private final Views views;

    public SkillPages(SkillService skills, Views views) {
        this.skills = Objects.requireNonNull(skills, "skills");
        this.views = Objects.requireNonNull(views, "views");
    }

    public void register(Routes routes) {
        routes.page(
                HandlerType.GET,
                "/app/skills",
                (ctx, session) -> show(ctx, session, FormState.empty(), List.of(), null));
        routes.page(
                HandlerType.POST,
                "/app/skills/import",
                CredenceServer.MAX_UPLOAD_BYTES,
                this::importFramework);
        routes.page(
                HandlerType.GET,
                "/app/skills/options",
                (ctx, session) ->
                        ctx.contentType("text/html; charset=utf-8")
                                .result(
                                        views.fragment(
                                                "skilloptions.jte",
                                                "skills",
                                                search(ctx, session),
                                                "query",
                                                query(ctx))));
    }

    private void importFramework(Context ctx, Session session) throws IOException {
        FormState form = FormState.of(ctx);
        try {
            FrameworkImport request = SkillImports.request(name -> Forms.field(ctx, name));
            UploadedFile file = ctx.uploadedFile("csv");
            if (file == null || file.size() == 0) {
                throw AppException.invalid("csv: choose a CSV file");
            }
            ImportReport report;
            try (Reader reader = new InputStreamReader(file.content(), StandardCharsets.UTF_8)) {
                report = skills.importFramework(session.actor(), request, reader);
            }
            if (report.isImported()) {
                show(ctx, session, FormState.empty(), List.of(), report);
            } else {
                ctx.status(400);
                show(ctx, session, form, report.problems(), null);
            }
        } catch (AppException e) {
            FormState refused = form.refused(e, Map.of());
            ctx.status(FormState.status(e));
            show(ctx, session, refused, List.of(), null);
        }
    }

    private void show(
            Context ctx,
            Session session,
            FormState form,
            List<RowProblem> problems,
            ImportReport imported) {
        views.render(
                ctx,
                "skills.jte",
                Page.of("Skills", session),
                "frameworks",
                skills.frameworks(session.actor()),
                "query",
                query(ctx),
                "results",
                search(ctx, session),
                "form",
                form,
                "problems",
                problems,
                "imported",
                imported);
    }

    private List<Skill> search(Context ctx, Session session) {
        String query = query(ctx);
        return query.isBlank() ? List.of() : skills.search(session.actor(), query, SEARCH_RESULTS);
    }

    static String query(Context ctx) {
        String query = ctx.queryParam("q");
        return query == null ? "" : query.strip();
    }
}
