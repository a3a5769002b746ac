package org.credence.app.skill;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.credence.app.RowProblem;

/**
 * The outcome of an import, which is all-or-nothing: either the framework with all its skills, or
 * nothing stored and the problems of every refused line.
 *
 * @param framework the new framework, when imported
 * @param skillCount the number of skills imported (0 when refused)
 * @param problems the refused lines, in file order (empty when imported)
 */
public record ImportReport(
        Optional<SkillFramework> framework, int skillCount, List<RowProblem> problems) {

    public ImportReport {
        Objects.requireNonNull(framework, "framework");
        problems = List.copyOf(problems);
    }

    public boolean isImported() {
        return framework.isPresent();
    }
}
