package org.credence.app.organization;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.base.GreenMailOperations;
import jakarta.mail.Address;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.credence.app.db.Database;
import org.credence.app.delivery.DeliveryService;
import org.credence.app.delivery.OutboxSender;
import org.credence.app.delivery.OutboxSettings;
import org.credence.app.delivery.SmtpMailer;
import org.credence.app.delivery.SmtpSettings;
import org.credence.app.issuer.TestOrganisations;
import org.credence.testing.FixedClock;
import org.credence.testing.db.TestDatabase;

/**
 * Accounts, members and API tokens on a fresh database, with invitation e-mails sent through the
 * real outbox to an in-process SMTP server (GreenMail) and read back from it.
 */
final class MemberWorld implements AutoCloseable {

    static final String BASE_URL = "https://badges.example.edu";
    private static final Pattern LINK =
            Pattern.compile(Pattern.quote(BASE_URL) + "/invitations/([A-Za-z0-9_-]{43})");

    final Database database;
    final SteppingClock clock = new SteppingClock(FixedClock.VECTORS_NOW);
    final AccountService accounts;
    final MemberService members;
    final ApiTokenService tokens;
    private final GreenMailOperations smtp;
    private final OutboxSender sender;

    private MemberWorld(Database database, GreenMailOperations smtp) {
        this.database = database;
        this.smtp = smtp;
        SecureRandom random = new SecureRandom();
        this.accounts = AccountServiceTest.accounts(database, clock);
        DeliveryService delivery =
                new DeliveryService(database, clock, random, Duration.ofDays(90));
        this.members =
                new MemberService(database, delivery.invitationMail(BASE_URL), clock, random);
        this.tokens = new ApiTokenService(database, clock, random);
        this.sender =
                new OutboxSender(
                        database,
                        new SmtpMailer(
                                SmtpSettings.plain(
                                        "127.0.0.1",
                                        smtp.getSmtp().getPort(),
                                        "badges@credence.example",
                                        "Credence"),
                                clock),
                        clock,
                        OutboxSettings.defaults());
    }

    static MemberWorld open(TestDatabase testDatabase, GreenMailOperations smtp) {
        return new MemberWorld(TestOrganisations.open(testDatabase), smtp);
    }

    /** Signs up a new organisation and its owner. */
    SignedIn signUp(String organisation, String email) {
        return accounts.signUp(AccountServiceTest.signUp(organisation, email));
    }

    /** Sends the queued e-mails and returns those received for {@code to}, oldest first. */
    List<MimeMessage> mailTo(String to) throws Exception {
        sender.sendDue();
        List<MimeMessage> found = new ArrayList<>();
        for (MimeMessage message : smtp.getReceivedMessages()) {
            for (Address recipient : message.getAllRecipients()) {
                if (recipient.toString().equals(to)) {
                    found.add(message);
                }
            }
        }
        return found;
    }

    /** The invitation token in the latest e-mail to {@code to}. */
    String mailedToken(String to) throws Exception {
        List<MimeMessage> mail = mailTo(to);
        assertThat(mail).as("e-mails to %s", to).isNotEmpty();
        String text = text(mail.get(mail.size() - 1));
        Matcher matcher = LINK.matcher(text);
        assertThat(matcher.find()).as("invitation link in %s", text).isTrue();
        return matcher.group(1);
    }

    /** A new person invited with {@code role}, who accepts by creating their account. */
    Session newMember(Actor owner, String email, Role role) throws Exception {
        members.invite(owner, email, role);
        return accounts.acceptInvitation(
                        mailedToken(email), "Member " + email, AccountServiceTest.PASSWORD)
                .session();
    }

    static String text(MimeMessage message) throws Exception {
        Multipart multipart = (Multipart) message.getContent();
        for (int i = 0; i < multipart.getCount(); i++) {
            BodyPart part = multipart.getBodyPart(i);
            if (part.isMimeType("text/plain")) {
                return (String) part.getContent();
            }
        }
        throw new AssertionError("no text part");
    }

    @Override
    public void close() {
        database.close();
    }
}
