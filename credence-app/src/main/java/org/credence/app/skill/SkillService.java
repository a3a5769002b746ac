package org.credence.app.skill;

import java.io.Reader;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.credence.app.AppException;
import org.credence.app.Problem;
import org.credence.app.RowProblem;
import org.credence.app.audit.AuditStore;
import org.credence.app.db.Database;
import org.credence.app.organization.Actor;
import org.credence.app.organization.Role;
import org.jdbi.v3.core.Jdbi;

/**
 * Skill frameworks imported from CSV, and skill search. Issuers and owners import; every member
 * reads. Imports are all-or-nothing and audited. Immutable and thread-safe.
 */
public final class SkillService {

    /** Most results a search returns. */
    public static final int MAX_RESULTS = 100;

    private final Jdbi jdbi;
    private final Clock clock;
    private final SkillStore store = new SkillStore();
    private final AuditStore audit = new AuditStore();

    public SkillService(Database database, Clock clock) {
        this.jdbi = Objects.requireNonNull(database, "database").jdbi();
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Imports a framework from CSV. If any row is refused nothing is stored and the report lists
     * every refused line; otherwise the framework and all its skills are stored in one transaction.
     *
     * @throws AppException {@link Problem#CONFLICT} when the organisation already has a framework
     *     of that name and version
     */
    public ImportReport importFramework(Actor actor, FrameworkImport request, Reader csv) {
        actor.require(Role.ISSUER);
        SkillCsv.Parsed parsed = SkillCsv.read(csv, request.mapping());
        if (!parsed.problems().isEmpty()) {
            return new ImportReport(Optional.empty(), 0, parsed.problems());
        }
        if (parsed.rows().isEmpty()) {
            return new ImportReport(
                    Optional.empty(), 0, List.of(new RowProblem(1, "the file has no skills")));
        }
        SkillFramework framework =
                new SkillFramework(
                        UUID.randomUUID(),
                        actor.organisationId(),
                        request.name(),
                        request.source(),
                        request.version(),
                        clock.instant());
        return jdbi.inTransaction(
                handle -> {
                    if (store.frameworkExists(
                            handle, actor.organisationId(), request.name(), request.version())) {
                        throw new AppException(
                                Problem.CONFLICT,
                                "name: a framework "
                                        + request.name()
                                        + " version "
                                        + request.version()
                                        + " already exists");
                    }
                    store.insertFramework(handle, framework);
                    store.insertSkills(handle, framework, parsed.rows());
                    audit.append(
                            handle,
                            actor.organisationId(),
                            clock.instant(),
                            actor.name(),
                            "skills.imported",
                            framework.id().toString(),
                            parsed.rows().size()
                                    + " skills of "
                                    + request.name()
                                    + " "
                                    + request.version());
                    return new ImportReport(
                            Optional.of(framework), parsed.rows().size(), List.of());
                });
    }

    /** The organisation's frameworks. Any member. */
    public List<SkillFramework> frameworks(Actor actor) {
        actor.require(Role.VIEWER);
        return jdbi.withHandle(handle -> store.frameworks(handle, actor.organisationId()));
    }

    /**
     * Skills of the organisation's frameworks whose code, name or description contains {@code text}
     * (case-insensitive; {@code %} and {@code _} match themselves). Any member.
     */
    public List<Skill> search(Actor actor, String text, int limit) {
        actor.require(Role.VIEWER);
        Objects.requireNonNull(text, "text");
        int bounded = Math.max(1, Math.min(limit, MAX_RESULTS));
        return jdbi.withHandle(
                handle -> store.search(handle, actor.organisationId(), text.strip(), bounded));
    }

    /** One skill; {@link Problem#NOT_FOUND} for another organisation's. Any member. */
    public Skill get(Actor actor, UUID skillId) {
        actor.require(Role.VIEWER);
        return jdbi.withHandle(
                handle ->
                        store.find(handle, actor.organisationId(), skillId)
                                .orElseThrow(() -> AppException.notFound("Skill")));
    }
}
