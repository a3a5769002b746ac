package org.credence.core.model;

import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/**
 * The Open Badges 3.0 {@code AchievementType} enumeration. The spec lets issuers extend it with
 * values prefixed {@code ext:}, which stay strings ({@link
 * org.credence.core.model.Achievement#achievementType()}).
 */
public enum AchievementType {
    ACHIEVEMENT("Achievement"),
    APPRENTICESHIP_CERTIFICATE("ApprenticeshipCertificate"),
    ASSESSMENT("Assessment"),
    ASSIGNMENT("Assignment"),
    ASSOCIATE_DEGREE("AssociateDegree"),
    AWARD("Award"),
    BADGE("Badge"),
    BACHELOR_DEGREE("BachelorDegree"),
    CERTIFICATE("Certificate"),
    CERTIFICATE_OF_COMPLETION("CertificateOfCompletion"),
    CERTIFICATION("Certification"),
    COMMUNITY_SERVICE("CommunityService"),
    COMPETENCY("Competency"),
    COURSE("Course"),
    CO_CURRICULAR("CoCurricular"),
    DEGREE("Degree"),
    DIPLOMA("Diploma"),
    DOCTORAL_DEGREE("DoctoralDegree"),
    FIELDWORK("Fieldwork"),
    GENERAL_EDUCATION_DEVELOPMENT("GeneralEducationDevelopment"),
    JOURNEYMAN_CERTIFICATE("JourneymanCertificate"),
    LEARNING_PROGRAM("LearningProgram"),
    LICENSE("License"),
    MEMBERSHIP("Membership"),
    PROFESSIONAL_DOCTORATE("ProfessionalDoctorate"),
    QUALITY_ASSURANCE_CREDENTIAL("QualityAssuranceCredential"),
    MASTER_CERTIFICATE("MasterCertificate"),
    MASTER_DEGREE("MasterDegree"),
    MICRO_CREDENTIAL("MicroCredential"),
    RESEARCH_DOCTORATE("ResearchDoctorate"),
    SECONDARY_SCHOOL_DIPLOMA("SecondarySchoolDiploma");

    /** The prefix of extension values. */
    public static final String EXTENSION_PREFIX = "ext:";

    private final String value;

    AchievementType(String value) {
        this.value = value;
    }

    /** The term as the spec spells it, e.g. {@code MicroCredential}. */
    public String value() {
        return value;
    }

    /** The enumerated term with this exact value, if it is one. */
    public static Optional<AchievementType> fromValue(String value) {
        Objects.requireNonNull(value, "value");
        return Arrays.stream(values()).filter(type -> type.value.equals(value)).findFirst();
    }

    /** Whether a value is allowed: an enumerated term or an {@code ext:} extension. */
    public static boolean isAllowed(String value) {
        return fromValue(value).isPresent()
                || (value.startsWith(EXTENSION_PREFIX)
                        && value.length() > EXTENSION_PREFIX.length());
    }
}
