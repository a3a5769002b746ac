package org.credence.app.award;

import org.credence.app.achievement.AchievementVersion;
import org.credence.app.issuer.IssuerProfile;
import org.credence.core.Issuer;
import org.credence.core.model.Achievement;

/**
 * What every credential of one issuer and achievement shares: the profile, the achievement's
 * current version and its Open Badges JSON, and the signer holding the issuer's active key. Loaded
 * once per request, or once per issuer and achievement in a batch.
 */
record IssuanceContext(
        IssuerProfile issuer, AchievementVersion version, Achievement badge, Issuer signer) {}
