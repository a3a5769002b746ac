package org.credence.app.wallet;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a wallet adds up to, over the credentials that count ({@link WalletEntry#counts()}: they
 * verify now and name the learner): the skills their achievements align to, total effort hours
 * (known only for credentials issued here) and total credits.
 *
 * @param skills each aligned skill once (by {@code targetUrl}), with how many credentials align
 * @param effortHours the sum of the achievements' effort hours
 * @param credits the sum of the credits (earned, else available)
 * @param counted how many credentials count
 * @param notCounted how many do not (they fail, could not be checked, or name someone else)
 */
public record SkillsSummary(
        List<SkillCount> skills,
        BigDecimal effortHours,
        BigDecimal credits,
        int counted,
        int notCounted) {

    public SkillsSummary {
        skills = List.copyOf(skills);
        Objects.requireNonNull(effortHours, "effortHours");
        Objects.requireNonNull(credits, "credits");
    }

    /** A skill and how many of the counted credentials align to it. */
    public record SkillCount(AlignedSkill skill, int credentials) {}

    /** Adds up the entries. */
    public static SkillsSummary of(List<WalletEntry> entries) {
        Map<String, AlignedSkill> skills = new LinkedHashMap<>();
        Map<String, Integer> counts = new LinkedHashMap<>();
        BigDecimal hours = BigDecimal.ZERO;
        BigDecimal credits = BigDecimal.ZERO;
        int counted = 0;
        for (WalletEntry entry : entries) {
            if (!entry.counts()) {
                continue;
            }
            counted++;
            hours = hours.add(entry.effortHours().orElse(BigDecimal.ZERO));
            credits = credits.add(entry.facts().credits().orElse(BigDecimal.ZERO));
            entry.facts().skills().stream()
                    .map(AlignedSkill::url)
                    .distinct()
                    .forEach(url -> counts.merge(url, 1, Integer::sum));
            entry.facts().skills().forEach(skill -> skills.putIfAbsent(skill.url(), skill));
        }
        List<SkillCount> lines = new ArrayList<>();
        skills.forEach((url, skill) -> lines.add(new SkillCount(skill, counts.get(url))));
        lines.sort(
                (a, b) ->
                        a.credentials() != b.credentials()
                                ? Integer.compare(b.credentials(), a.credentials())
                                : a.skill().name().compareToIgnoreCase(b.skill().name()));
        return new SkillsSummary(lines, hours, credits, counted, entries.size() - counted);
    }
}
