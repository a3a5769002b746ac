package org.credence.app.achievement;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.credence.app.AppException;
import org.credence.app.Problem;
import org.credence.app.audit.AuditStore;
import org.credence.app.db.Database;
import org.credence.app.issuer.IssuerProfile;
import org.credence.app.issuer.WebReferences;
import org.credence.app.organization.Actor;
import org.credence.app.organization.Role;
import org.credence.core.model.Achievement;
import org.credence.core.model.AchievementBuilder;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Achievement designs. Every edit saves a new immutable version and moves the achievement's current
 * version; {@link #toOpenBadge} builds the Open Badges 3.0 {@code Achievement} of any version, so
 * credentials keep the version they were issued with. Issuers and owners create and edit; every
 * member reads. Changes are audited in their transaction.
 *
 * <p>Immutable and thread-safe.
 */
public final class AchievementService {

    private final Jdbi jdbi;
    private final String baseUrl;
    private final Clock clock;
    private final AchievementStore store = new AchievementStore();
    private final AuditStore audit = new AuditStore();

    /**
     * @param publicBaseUrl the installation's public URL; achievement ids are {@code
     *     <publicBaseUrl>/achievements/<id>/v<version>}
     */
    public AchievementService(Database database, URI publicBaseUrl, Clock clock) {
        this.jdbi = Objects.requireNonNull(database, "database").jdbi();
        String base = WebReferences.requireAbsoluteUrl("publicBaseUrl", publicBaseUrl.toString());
        this.baseUrl = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Creates an achievement at version 1. */
    public AchievementVersion create(Actor actor, AchievementDraft draft) {
        actor.require(Role.ISSUER);
        UUID id = UUID.randomUUID();
        return jdbi.inTransaction(
                handle -> {
                    Instant now = clock.instant();
                    store.insertAchievement(handle, id, actor.organisationId(), now);
                    AchievementVersion saved = save(handle, actor, id, 1, draft);
                    record(handle, actor, "achievement.created", saved);
                    return saved;
                });
    }

    /**
     * Saves {@code draft} as the next version.
     *
     * @param baseVersion the version the edit started from
     * @throws AppException {@link Problem#CONFLICT} when someone saved another version since
     */
    public AchievementVersion edit(
            Actor actor, UUID achievementId, int baseVersion, AchievementDraft draft) {
        actor.require(Role.ISSUER);
        return jdbi.inTransaction(
                handle -> {
                    if (!store.advance(
                            handle,
                            actor.organisationId(),
                            achievementId,
                            baseVersion,
                            clock.instant())) {
                        int current = current(handle, actor, achievementId);
                        throw new AppException(
                                Problem.CONFLICT,
                                "The achievement is at version "
                                        + current
                                        + ", not "
                                        + baseVersion
                                        + ": reload and edit again");
                    }
                    AchievementVersion saved =
                            save(handle, actor, achievementId, baseVersion + 1, draft);
                    record(handle, actor, "achievement.edited", saved);
                    return saved;
                });
    }

    /** The current version. Any member. */
    public AchievementVersion get(Actor actor, UUID achievementId) {
        actor.require(Role.VIEWER);
        return jdbi.withHandle(
                handle ->
                        find(handle, actor, achievementId, current(handle, actor, achievementId)));
    }

    /** A given version. Any member. */
    public AchievementVersion version(Actor actor, UUID achievementId, int version) {
        actor.require(Role.VIEWER);
        return jdbi.withHandle(handle -> find(handle, actor, achievementId, version));
    }

    /** Every version of an achievement, newest first (for its history). Any member. */
    public List<AchievementVersion> versions(Actor actor, UUID achievementId) {
        actor.require(Role.VIEWER);
        return jdbi.withHandle(
                handle -> {
                    int current = current(handle, actor, achievementId);
                    List<AchievementVersion> versions = new ArrayList<>(current);
                    for (int version = current; version >= 1; version--) {
                        versions.add(find(handle, actor, achievementId, version));
                    }
                    return versions;
                });
    }

    /** The organisation's achievements at their current versions, by name. Any member. */
    public List<AchievementSummary> list(Actor actor) {
        actor.require(Role.VIEWER);
        return jdbi.withHandle(handle -> store.list(handle, actor.organisationId()));
    }

    /**
     * The Open Badges 3.0 {@code Achievement} of exactly that version, with {@code issuer} as its
     * creator. The same version always builds the same JSON. Any member.
     *
     * @throws AppException {@link Problem#NOT_FOUND} for another organisation's achievement or
     *     issuer
     */
    public Achievement toOpenBadge(
            Actor actor, UUID achievementId, int version, IssuerProfile issuer) {
        actor.require(Role.VIEWER);
        if (!issuer.organisationId().equals(actor.organisationId())) {
            throw AppException.notFound("Issuer");
        }
        AchievementVersion saved = version(actor, achievementId, version);
        AchievementDraft design = saved.design();
        AchievementBuilder badge =
                AchievementBuilder.achievement(achievementUrl(achievementId, version))
                        .name(design.name())
                        .description(design.description())
                        .criteriaNarrative(design.criteriaNarrative())
                        .achievementType(design.achievementType())
                        .creator(issuer.toProfile())
                        .version(Integer.toString(version));
        design.creditsAvailable().ifPresent(badge::creditsAvailable);
        design.fieldOfStudy().ifPresent(badge::fieldOfStudy);
        design.language().ifPresent(badge::inLanguage);
        design.image().ifPresent(image -> badge.image(image, null));
        if (!design.tags().isEmpty()) {
            badge.tags(design.tags().toArray(String[]::new));
        }
        saved.alignments().forEach(alignment -> badge.alignment(alignment.toAlignment()));
        return badge.build();
    }

    /** {@code <publicBaseUrl>/achievements/<id>/v<version>}. */
    public String achievementUrl(UUID achievementId, int version) {
        return baseUrl + "/achievements/" + achievementId + "/v" + version;
    }

    private AchievementVersion save(
            Handle handle, Actor actor, UUID achievementId, int version, AchievementDraft draft) {
        Map<UUID, SkillAlignment> targets =
                store
                        .alignmentTargets(
                                handle,
                                actor.organisationId(),
                                draft.skillIds(),
                                baseUrl + "/skills/")
                        .stream()
                        .collect(Collectors.toMap(SkillAlignment::skillId, Function.identity()));
        List<SkillAlignment> alignments =
                draft.skillIds().stream()
                        .map(
                                skillId -> {
                                    SkillAlignment target = targets.get(skillId);
                                    if (target == null) {
                                        throw AppException.invalid(
                                                "skillIds: no such skill " + skillId);
                                    }
                                    return target;
                                })
                        .toList();
        AchievementVersion saved =
                new AchievementVersion(
                        achievementId,
                        actor.organisationId(),
                        version,
                        draft,
                        alignments,
                        clock.instant(),
                        actor.name());
        store.insertVersion(handle, saved);
        return saved;
    }

    private int current(Handle handle, Actor actor, UUID achievementId) {
        return store.currentVersion(handle, actor.organisationId(), achievementId)
                .orElseThrow(() -> AppException.notFound("Achievement"));
    }

    private AchievementVersion find(Handle handle, Actor actor, UUID achievementId, int version) {
        return store.findVersion(handle, actor.organisationId(), achievementId, version)
                .orElseThrow(() -> AppException.notFound("Achievement version"));
    }

    private void record(Handle handle, Actor actor, String action, AchievementVersion saved) {
        audit.append(
                handle,
                actor.organisationId(),
                clock.instant(),
                actor.name(),
                action,
                saved.achievementId().toString(),
                "version " + saved.version() + ": " + saved.design().name());
    }
}
