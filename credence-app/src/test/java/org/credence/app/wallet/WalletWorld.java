package org.credence.app.wallet;

import com.icegreen.greenmail.base.GreenMailOperations;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.credence.app.award.IssueRequest;
import org.credence.app.delivery.DeliveryService;
import org.credence.app.delivery.OutboxSender;
import org.credence.app.delivery.OutboxSettings;
import org.credence.app.delivery.SmtpMailer;
import org.credence.app.delivery.SmtpSettings;
import org.credence.app.issuer.DidWebHost;
import org.credence.app.job.Backoff;
import org.credence.app.job.MutableClock;
import org.credence.app.organization.PasswordHasher;
import org.credence.app.testing.IssuanceWorld;
import org.credence.app.transcript.TranscriptService;
import org.credence.app.verification.LocalDocuments;
import org.credence.app.verification.VerificationService;
import org.credence.app.verification.VerificationSources;
import org.credence.testing.db.TestDatabase;

/**
 * An installation with an issuing organisation and the wallet services wired as the server wires
 * them, e-mails sent to a real in-process SMTP server. Close it to release the database.
 */
record WalletWorld(
        IssuanceWorld issuing,
        MutableClock clock,
        DeliveryService delivery,
        IdentifierService identifiers,
        DidAuthentication didAuthentication,
        LearnerAccountService accounts,
        WalletService wallet,
        VerificationService verification,
        WalletTranscriptService transcripts,
        WalletExport export,
        OutboxSender sender,
        GreenMailOperations smtp)
        implements AutoCloseable {

    static final PasswordHasher.Parameters CHEAP = new PasswordHasher.Parameters(64, 1, 1);
    static final String PASSWORD = "a long enough passphrase";

    /** The domain DID-authentication presentations are bound to: the installation's host. */
    static final String DOMAIN = "badges.example.edu";

    private static final Pattern CODE = Pattern.compile("\\b([0-9]{6})\\b");
    private static final Pattern CLAIM = Pattern.compile("/claim/([A-Za-z0-9_-]{43})");

    static WalletWorld open(
            TestDatabase testDatabase, MutableClock clock, GreenMailOperations smtp) {
        IssuanceWorld issuing = IssuanceWorld.open(testDatabase, clock, "riverside");
        SecureRandom random = new SecureRandom();
        DeliveryService delivery =
                new DeliveryService(issuing.database(), clock, random, Duration.ofDays(90));
        VerificationService verification =
                new VerificationService(
                        issuing.database(),
                        new LocalDocuments(
                                issuing.issuers(),
                                issuing.status(),
                                DidWebHost.of(IssuanceWorld.BASE)),
                        VerificationSources.LOCAL_ONLY,
                        issuing.credentials()::signedDocument,
                        clock);
        IdentifierService identifiers =
                new IdentifierService(issuing.database(), delivery, clock, random, CHEAP);
        OutboxSender sender =
                new OutboxSender(
                        issuing.database(),
                        new SmtpMailer(
                                SmtpSettings.plain(
                                        "127.0.0.1",
                                        smtp.getSmtp().getPort(),
                                        "wallet@credence.example",
                                        "Credence"),
                                clock),
                        clock,
                        new OutboxSettings(
                                100,
                                3,
                                new Backoff(Duration.ofMinutes(1), Duration.ofHours(1)),
                                Duration.ofMinutes(5),
                                Duration.ofMillis(50)));
        WalletService wallet =
                new WalletService(issuing.database(), delivery, identifiers, verification, clock);
        TranscriptService signer =
                new TranscriptService(
                        issuing.issuers(), DidWebHost.of(IssuanceWorld.BASE), clock, random);
        return new WalletWorld(
                issuing,
                clock,
                delivery,
                identifiers,
                new DidAuthentication(issuing.database(), verification, DOMAIN, clock),
                new LearnerAccountService(issuing.database(), identifiers, clock, random, CHEAP),
                wallet,
                verification,
                new WalletTranscriptService(issuing.database(), wallet, signer, clock),
                new WalletExport(issuing.database(), wallet, verification, clock),
                sender,
                smtp);
    }

    /** Issues the world's achievement to {@code email} with its e-mail and claim link queued. */
    UUID issueTo(String email) {
        return issue(issuing.requestFor(email));
    }

    UUID issue(IssueRequest request) {
        return issuing.awards()
                .issue(issuing.owner(), request, delivery.emailOnIssue(IssuanceWorld.BASE))
                .id();
    }

    /** Sends what the outbox holds and returns the newest e-mail's text to {@code address}. */
    String lastMailTo(String address) throws Exception {
        sender.sendDue();
        List<MimeMessage> to =
                Arrays.stream(smtp.getReceivedMessages())
                        .filter(message -> sentTo(message, address))
                        .toList();
        if (to.isEmpty()) {
            throw new AssertionError("no e-mail to " + address);
        }
        return text(to.get(to.size() - 1));
    }

    /** The code in the newest e-mail to {@code address}. */
    String codeFor(String address) throws Exception {
        return find(CODE, lastMailTo(address));
    }

    /** The claim token in the newest e-mail to {@code address}. */
    String claimTokenFor(String address) throws Exception {
        return find(CLAIM, lastMailTo(address));
    }

    /** A learner signed up with {@code email}, which they then verified with the e-mailed code. */
    LearnerSession verifiedLearner(String name, String email) throws Exception {
        LearnerSession session =
                accounts.signUp(new LearnerSignUp(name, email, PASSWORD)).session();
        UUID identifier = identifiers.identifiers(session.learnerId()).get(0).id();
        identifiers.verify(session.learnerId(), identifier, codeFor(email));
        return session;
    }

    private static boolean sentTo(MimeMessage message, String address) {
        try {
            return message.getAllRecipients()[0].toString().equalsIgnoreCase(address);
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String text(MimeMessage message) throws Exception {
        Multipart parts = (Multipart) message.getContent();
        for (int i = 0; i < parts.getCount(); i++) {
            BodyPart part = parts.getBodyPart(i);
            if (part.isMimeType("text/plain")) {
                return (String) part.getContent();
            }
        }
        throw new AssertionError("no text part");
    }

    private static String find(Pattern pattern, String text) {
        Matcher matcher = pattern.matcher(text);
        if (!matcher.find()) {
            throw new AssertionError("nothing like " + pattern + " in " + text);
        }
        return matcher.group(1);
    }

    @Override
    public void close() {
        issuing.close();
    }
}
