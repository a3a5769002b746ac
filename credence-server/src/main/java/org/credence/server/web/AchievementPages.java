package org.credence.server.web;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.credence.app.AppException;
import org.credence.app.achievement.AchievementService;
import org.credence.app.achievement.AchievementVersion;
import org.credence.app.achievement.CriteriaMarkdown;
import org.credence.app.organization.Role;
import org.credence.app.organization.Session;
import org.credence.app.skill.Skill;
import org.credence.app.skill.SkillService;
import org.credence.core.model.AchievementType;

/**
 * {@code /app/achievements}: the list and each design with its version history for every member;
 * creating and editing (each save is a new version) for issuers and owners. The form keeps what was
 * typed when refused, previews the criteria (a "Preview" button, or {@code criteria-preview} from
 * JavaScript) and picks skills through a GET search that JavaScript turns into an in-place one.
 */
public final class AchievementPages {

    static final List<String> TYPES =
            Arrays.stream(AchievementType.values()).map(AchievementType::value).sorted().toList();

    private final AchievementService achievements;
    private final SkillService skills;
    private final Views views;
    private final byte[] script;

    public AchievementPages(AchievementService achievements, SkillService skills, Views views) {
        this.achievements = Objects.requireNonNull(achievements, "achievements");
        this.skills = Objects.requireNonNull(skills, "skills");
        this.views = Objects.requireNonNull(views, "views");
        this.script = PublicDocuments.resource("/static/designer.js");
    }

    /** A skill the form shows as chosen. */
    public record SkillChoice(String id, String label) {}

    public void register(Routes routes) {
        routes.publicGet(
                "/static/designer.js",
                ctx ->
                        ctx.contentType("text/javascript; charset=utf-8")
                                .header("Cache-Control", "public, max-age=3600")
                                .result(script));
        routes.page(
                HandlerType.GET,
                "/app/achievements",
                (ctx, session) ->
                        views.render(
                                ctx,
                                "achievements.jte",
                                Page.of("Achievements", session),
                                "achievements",
                                achievements.list(session.actor())));
        routes.page(
                HandlerType.GET,
                "/app/achievements/new",
                (ctx, session) -> {
                    session.actor().require(Role.ISSUER);
                    form(ctx, session, null, FormState.empty(), null);
                });
        routes.page(HandlerType.POST, "/app/achievements", ImageField.MAX_BODY, this::create);
        routes.page(
                HandlerType.POST,
                "/app/achievements/criteria-preview",
                (ctx, session) ->
                        ctx.contentType("text/html; charset=utf-8")
                                .result(
                                        CriteriaMarkdown.toHtml(
                                                Forms.field(ctx, "criteriaNarrative"))));
        routes.page(HandlerType.GET, "/app/achievements/{achievementId}", this::show);
        routes.page(
                HandlerType.GET,
                "/app/achievements/{achievementId}/edit",
                (ctx, session) -> {
                    session.actor().require(Role.ISSUER);
                    AchievementVersion current =
                            achievements.get(session.actor(), achievementId(ctx));
                    form(ctx, session, current, AchievementForm.of(current), null);
                });
        routes.page(
                HandlerType.POST,
                "/app/achievements/{achievementId}",
                ImageField.MAX_BODY,
                this::edit);
    }

    private void create(Context ctx, Session session) {
        FormState form = FormState.of(ctx);
        if (!Forms.field(ctx, "preview").isEmpty()) {
            form(
                    ctx,
                    session,
                    null,
                    form,
                    CriteriaMarkdown.toHtml(form.value("criteriaNarrative")));
            return;
        }
        try {
            Optional<String> image = ImageField.chosen(ctx, Optional.empty(), form.value("name"));
            AchievementVersion saved =
                    achievements.create(session.actor(), AchievementForm.draft(form, image));
            ctx.redirect("/app/achievements/" + saved.achievementId());
        } catch (AppException e) {
            FormState refused = form.refused(e, AchievementForm.FIELDS);
            ctx.status(FormState.status(e));
            form(ctx, session, null, refused, null);
        }
    }

    private void edit(Context ctx, Session session) {
        AchievementVersion current = achievements.get(session.actor(), achievementId(ctx));
        FormState form = FormState.of(ctx);
        if (!Forms.field(ctx, "preview").isEmpty()) {
            form(
                    ctx,
                    session,
                    current,
                    form,
                    CriteriaMarkdown.toHtml(form.value("criteriaNarrative")));
            return;
        }
        try {
            Optional<String> image =
                    ImageField.chosen(ctx, current.design().image(), form.value("name"));
            achievements.edit(
                    session.actor(),
                    current.achievementId(),
                    AchievementForm.baseVersion(form),
                    AchievementForm.draft(form, image));
            ctx.redirect("/app/achievements/" + current.achievementId());
        } catch (AppException e) {
            FormState refused = form.refused(e, AchievementForm.FIELDS);
            ctx.status(FormState.status(e));
            form(ctx, session, current, refused, null);
        }
    }

    private void show(Context ctx, Session session) {
        UUID id = achievementId(ctx);
        List<AchievementVersion> versions = achievements.versions(session.actor(), id);
        AchievementVersion shown = versions.get(0);
        String wanted = ctx.queryParam("version");
        if (wanted != null) {
            shown =
                    versions.stream()
                            .filter(version -> String.valueOf(version.version()).equals(wanted))
                            .findFirst()
                            .orElseThrow(() -> AppException.notFound("Achievement version"));
        }
        views.render(
                ctx,
                "achievement.jte",
                Page.of(shown.design().name(), session),
                "shown",
                shown,
                "versions",
                versions,
                "url",
                achievements.achievementUrl(id, shown.version()),
                "inlineImage",
                ImageField.inline(shown.design().image()));
    }

    private void form(
            Context ctx,
            Session session,
            AchievementVersion current,
            FormState form,
            String previewHtml) {
        String query = SkillPages.query(ctx);
        List<SkillChoice> chosen = chosen(session, current, form);
        List<String> chosenIds = chosen.stream().map(SkillChoice::id).toList();
        List<Skill> results =
                query.isBlank()
                        ? List.of()
                        : skills.search(session.actor(), query, SkillPages.SEARCH_RESULTS).stream()
                                .filter(skill -> !chosenIds.contains(skill.id().toString()))
                                .toList();
        String path =
                current == null
                        ? "/app/achievements"
                        : "/app/achievements/" + current.achievementId();
        views.render(
                ctx,
                "achievementform.jte",
                Page.of(
                        current == null ? "New achievement" : "Edit " + current.design().name(),
                        session),
                "form",
                form,
                "action",
                path,
                "searchAction",
                current == null ? path + "/new" : path + "/edit",
                "current",
                current,
                "chosen",
                chosen,
                "query",
                query,
                "results",
                results,
                "types",
                TYPES,
                "previewHtml",
                previewHtml);
    }

    /** The chosen skills with their names: the saved alignment's, or looked up. */
    private List<SkillChoice> chosen(Session session, AchievementVersion current, FormState form) {
        List<SkillChoice> chosen = new ArrayList<>();
        for (String id : form.all("skillIds")) {
            Optional<String> saved =
                    current == null
                            ? Optional.empty()
                            : current.alignments().stream()
                                    .filter(alignment -> alignment.skillId().toString().equals(id))
                                    .map(
                                            alignment ->
                                                    alignment.targetName()
                                                            + " ("
                                                            + alignment.targetFramework()
                                                            + " "
                                                            + alignment.targetCode()
                                                            + ")")
                                    .findFirst();
            chosen.add(new SkillChoice(id, saved.orElseGet(() -> label(session, id))));
        }
        return chosen;
    }

    private String label(Session session, String id) {
        try {
            Skill skill = skills.get(session.actor(), UUID.fromString(id));
            return skill.name() + " (" + skill.frameworkName() + " " + skill.code() + ")";
        } catch (IllegalArgumentException | AppException e) {
            return id;
        }
    }

    private static UUID achievementId(Context ctx) {
        return Forms.id(ctx, "achievementId", "Achievement");
    }
}
