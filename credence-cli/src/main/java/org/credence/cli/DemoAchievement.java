package org.credence.cli;

import jakarta.json.Json;
import jakarta.json.JsonObject;

/** The demo's example achievement: an Open Badges 3.0 Achievement with criteria and alignment. */
final class DemoAchievement {

    private DemoAchievement() {}

    static JsonObject json() {
        return Json.createObjectBuilder()
                .add("id", "https://issuer.example.org/achievements/data-literacy-public-health")
                .add("type", Json.createArrayBuilder().add("Achievement"))
                .add("achievementType", "Competency")
                .add("name", "Data literacy for public-health reporting")
                .add(
                        "description",
                        "Reads, checks and summarises surveillance data for public-health"
                                + " reports: rates, confidence intervals and data quality.")
                .add(
                        "criteria",
                        Json.createObjectBuilder()
                                .add(
                                        "narrative",
                                        "Completed the six-week course and submitted a weekly"
                                                + " epidemiological report that passed peer review:"
                                                + " correct case rates, a documented data-quality"
                                                + " check and a plain-language summary."))
                .add(
                        "alignment",
                        Json.createArrayBuilder()
                                .add(
                                        Json.createObjectBuilder()
                                                .add(
                                                        "type",
                                                        Json.createArrayBuilder().add("Alignment"))
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
