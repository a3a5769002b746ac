package org.credence.cli;

import jakarta.json.JsonObject;
import org.credence.core.json.Jsons;

/** The demo's example achievement: an Open Badges 3.0 Achievement with criteria and alignment. */
final class DemoAchievement {

    private DemoAchievement() {}

    static JsonObject json() {
        return Jsons.PROVIDER
                .createObjectBuilder()
                .add("id", "https://issuer.example.org/achievements/data-literacy-public-health")
                .add("type", Jsons.PROVIDER.createArrayBuilder().add("Achievement"))
                .add("achievementType", "Competency")
                .add("name", "Data literacy for public-health reporting")
                .add(
                        "description",
                        "Reads, checks and summarises surveillance data for public-health"
                                + " reports: rates, confidence intervals and data quality.")
                .add(
                        "criteria",
                        Jsons.PROVIDER
                                .createObjectBuilder()
                                .add(
                                        "narrative",
                                        "Completed the six-week course and submitted a weekly"
                                                + " epidemiological report that passed peer review:"
                                                + " correct case rates, a documented data-quality"
                                                + " check and a plain-language summary."))
                .add(
                        "alignment",
                        Jsons.PROVIDER
                                .createArrayBuilder()
                                .add(
                                        Jsons.PROVIDER
                                                .createObjectBuilder()
                                                .add(
                                                        "type",
                                                        Jsons.PROVIDER
                                                                .createArrayBuilder()
                                                                .add("Alignment"))
                                                .add("targetName", "Data analytics and assessment")
                                                .add(
                                                        "targetDescription",
                                                        "Core Competencies for Public Health"
                                                                + " Professionals, domain 1")
                                                .add(
                                                        "targetUrl",
                                                        "https://www.phf.org/programs/corecompetencies/")
                                                .add(
                                                        "targetFramework",
                                                        "Core Competencies for Public Health Professionals")
                                                .add("targetType", "CFItem")))
                .build();
    }
}
