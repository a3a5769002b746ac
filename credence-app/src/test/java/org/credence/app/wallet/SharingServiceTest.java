package org.credence.app.wallet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.credence.app.AppException;
import org.credence.app.Problem;
import org.credence.app.job.MutableClock;
import org.credence.app.testing.IssuanceWorld;
import org.credence.testing.Vectors;
import org.credence.testing.db.TestDatabase;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Collections, share links and the show-my-name choice of the learner wallet, on both engines: what
 * a link shows, that a revoked, expired or unknown link shows nothing, and that nothing of another
 * learner is reachable.
 */
class SharingServiceTest {

    private static final String ENGINES = "org.credence.testing.db.TestDatabases#engines";
    private static final Instant START = Instant.parse("2026-03-01T09:00:00Z");

    @RegisterExtension
    static final GreenMailExtension SMTP =
            new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    private final MutableClock clock = new MutableClock(START);

    /** A wallet with a credential issued here and an import, and the sharing services. */
    private record Given(
            WalletWorld world, WalletSharing sharing, UUID learner, UUID issued, UUID imported) {}

    private Given given(WalletWorld world) throws Exception {
        UUID issued = world.issueTo("ada@example.org");
        UUID learner = world.verifiedLearner("Ada Lovelace", "ada@example.org").learnerId();
        UUID imported =
                world.wallet().importFile(learner, Vectors.bytes(WalletServiceTest.FOREIGN)).id();
        WalletSharing sharing =
                WalletSharing.of(
                        world.issuing().database(),
                        world.wallet(),
                        IssuanceWorld.BASE,
                        clock,
                        new SecureRandom());
        return new Given(world, sharing, learner, issued, imported);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(ENGINES)
    void should_make_rename_fill_and_delete_a_collection_of_the_learners_credentials(
            TestDatabase testDatabase) throws Exception {
        try (WalletWorld world = WalletWorld.open(testDatabase, clock, SMTP)) {
            // GIVEN
            Given given = given(world);
            CollectionService collections = given.sharing().collections();

            // WHEN a collection is made and both credentials are added (one twice)
            WalletCollection made = collections.create(given.learner(), "  Cybersecurity toolkit ");
            collections.add(given.learner(), made.id(), given.issued());
            collections.add(given.learner(), made.id(), given.imported());
            collections.add(given.learner(), made.id(), given.issued());
            collections.rename(given.learner(), made.id(), "Security toolkit");

            // THEN
            assertThat(collections.collections(given.learner()))
                    .singleElement()
                    .satisfies(
                            collection -> {
                                assertThat(collection.name()).isEqualTo("Security toolkit");
                                assertThat(collection.entryIds())
                                        .containsExactly(given.issued(), given.imported());
                            });
            assertThatThrownBy(() -> collections.create(given.learner(), "Security toolkit"))
                    .isInstanceOfSatisfying(
                            AppException.class,
                            e -> assertThat(e.problem()).isEqualTo(Problem.INVALID_INPUT));
            assertThatThrownBy(() -> collections.create(given.learner(), "   "))
                    .isInstanceOf(AppException.class)
                    .hasMessageStartingWith("name:");

            // WHEN one is removed, THEN the other stays; WHEN deleted, THEN gone
            collections.remove(given.learner(), made.id(), given.issued());
            assertThat(collections.collection(given.learner(), made.id()).entryIds())
                    .containsExactly(given.imported());
            collections.delete(given.learner(), made.id());
            assertThat(collections.collections(given.learner())).isEmpty();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(ENGINES)
    void should_keep_another_learners_collections_and_credentials_out_of_reach(
            TestDatabase testDatabase) throws Exception {
        try (WalletWorld world = WalletWorld.open(testDatabase, clock, SMTP)) {
            // GIVEN Ada's collection and Bob's wallet
            Given ada = given(world);
            CollectionService collections = ada.sharing().collections();
            WalletCollection adas = collections.create(ada.learner(), "Ada's");
            collections.add(ada.learner(), adas.id(), ada.issued());
            UUID bob = world.verifiedLearner("Bob", "bob@example.org").learnerId();
            WalletCollection bobs = collections.create(bob, "Bob's");
            ShareService shares = ada.sharing().shares();
            WalletShare adaLink =
                    shares.create(
                                    ada.learner(),
                                    ShareRequest.ofCredential(ada.issued(), Optional.empty()))
                            .share();

            // WHEN / THEN Bob reaches nothing of Ada's
            List<Runnable> attempts =
                    List.of(
                            () -> collections.collection(bob, adas.id()),
                            () -> collections.rename(bob, adas.id(), "Mine"),
                            () -> collections.delete(bob, adas.id()),
                            () -> collections.add(bob, adas.id(), ada.imported()),
                            () -> collections.remove(bob, adas.id(), ada.issued()),
                            () -> collections.add(bob, bobs.id(), ada.issued()),
                            () -> collections.add(bob, bobs.id(), ada.imported()),
                            () ->
                                    shares.create(
                                            bob,
                                            ShareRequest.ofCredential(
                                                    ada.issued(), Optional.empty())),
                            () ->
                                    shares.create(
                                            bob,
                                            ShareRequest.ofCollection(adas.id(), Optional.empty())),
                            () -> shares.revoke(bob, adaLink.id()),
                            () -> shares.showName(bob, ada.issued(), true),
                            () -> shares.showName(bob, ada.imported(), true));
            for (Runnable attempt : attempts) {
                assertThatThrownBy(attempt::run)
                        .isInstanceOfSatisfying(
                                AppException.class,
                                e -> assertThat(e.problem()).isEqualTo(Problem.NOT_FOUND));
            }
            assertThat(collections.collections(bob))
                    .singleElement()
                    .satisfies(collection -> assertThat(collection.entryIds()).isEmpty());
            assertThat(collections.collection(ada.learner(), adas.id()).entryIds())
                    .containsExactly(ada.issued());
            assertThat(shares.liveShares(ada.learner())).containsExactly(adaLink);
            assertThat(shares.nameShown(ada.learner(), ada.issued())).isFalse();
            assertThat(shares.shares(bob)).isEmpty();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(ENGINES)
    void should_show_a_shared_collection_until_revoked_and_then_nothing(TestDatabase testDatabase)
            throws Exception {
        try (WalletWorld world = WalletWorld.open(testDatabase, clock, SMTP)) {
            // GIVEN a collection of both credentials, shared
            Given given = given(world);
            WalletCollection toolkit =
                    given.sharing().collections().create(given.learner(), "Cybersecurity toolkit");
            given.sharing().collections().add(given.learner(), toolkit.id(), given.issued());
            given.sharing().collections().add(given.learner(), toolkit.id(), given.imported());
            ShareService shares = given.sharing().shares();
            CreatedShare created =
                    shares.create(
                            given.learner(),
                            ShareRequest.ofCollection(toolkit.id(), Optional.empty()));
            String token = token(created);

            // THEN the link shows the collection, each credential verified now, no name
            assertThat(created.url()).startsWith(IssuanceWorld.BASE + "/shared/");
            assertThat(token).hasSize(43);
            assertThat(storedTokenHashes(world)).doesNotContain(token).hasSize(1);
            SharedView view = shares.open(token);
            assertThat(view.status()).isEqualTo(ShareStatus.SHARED);
            assertThat(view.collectionName()).contains("Cybersecurity toolkit");
            assertThat(view.credentials())
                    .extracting(shared -> shared.entry().id())
                    .containsExactly(given.issued(), given.imported());
            assertThat(view.credentials()).allSatisfy(s -> assertThat(s.holderName()).isEmpty());
            assertThat(view.credentials().get(0).entry().report().isVerified()).isTrue();

            // WHEN the learner shows their name on the issued one
            shares.showName(given.learner(), given.issued(), true);

            // THEN the link shows it, the import still does not, and the choice is the one the
            // public page obeys (credentials.show_name)
            SharedView named = shares.open(token);
            assertThat(named.credentials().get(0).holderName()).contains("Ada Lovelace");
            assertThat(named.credentials().get(1).holderName()).isEmpty();
            assertThat(shares.nameShown(given.learner(), given.issued())).isTrue();
            assertThat(showName(world, given.issued())).isTrue();

            // WHEN the link is revoked (twice: no change)
            shares.revoke(given.learner(), created.share().id());
            shares.revoke(given.learner(), created.share().id());

            // THEN it shows nothing at all
            SharedView revoked = shares.open(token);
            assertThat(revoked.status()).isEqualTo(ShareStatus.REVOKED);
            assertThat(revoked.collectionName()).isEmpty();
            assertThat(revoked.credentials()).isEmpty();
            assertThat(shares.liveShares(given.learner())).isEmpty();
            assertThat(shares.shares(given.learner()).get(0).revokedAt()).isPresent();
            assertThat(shares.open("x".repeat(43)).status()).isEqualTo(ShareStatus.UNKNOWN);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(ENGINES)
    void should_refuse_to_show_a_name_on_a_claimed_credential_issued_to_an_unverified_address(
            TestDatabase testDatabase) throws Exception {
        try (WalletWorld world = WalletWorld.open(testDatabase, clock, SMTP)) {
            // GIVEN a credential issued to Grace, whose claim link Mallory used first (Mallory
            // never verified Grace's address)
            Given given = given(world);
            UUID graces = world.issueTo("grace@example.org");
            UUID mallory = world.verifiedLearner("Mallory", "mallory@example.org").learnerId();
            world.wallet().claim(mallory, world.claimTokenFor("grace@example.org"));
            ShareService shares = given.sharing().shares();

            // WHEN / THEN Mallory cannot change what Grace's public page shows
            assertThatThrownBy(() -> shares.showName(mallory, graces, true))
                    .isInstanceOfSatisfying(
                            AppException.class,
                            e -> assertThat(e.problem()).isEqualTo(Problem.CONFLICT));
            assertThat(showName(world, graces)).isFalse();
            // while Ada, to whose verified address hers was issued, can
            shares.showName(given.learner(), given.issued(), true);
            assertThat(showName(world, given.issued())).isTrue();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(ENGINES)
    void should_stop_showing_a_credential_link_when_it_expires_or_its_collection_is_deleted(
            TestDatabase testDatabase) throws Exception {
        try (WalletWorld world = WalletWorld.open(testDatabase, clock, SMTP)) {
            // GIVEN a credential link for 7 days and a collection link
            Given given = given(world);
            ShareService shares = given.sharing().shares();
            CreatedShare week =
                    shares.create(
                            given.learner(),
                            ShareRequest.ofCredential(
                                    given.imported(), Optional.of(Duration.ofDays(7))));
            WalletCollection collection =
                    given.sharing().collections().create(given.learner(), "Soon gone");
            CreatedShare ofCollection =
                    shares.create(
                            given.learner(),
                            ShareRequest.ofCollection(collection.id(), Optional.empty()));
            assertThat(week.share().expiresAt()).contains(START.plus(Duration.ofDays(7)));
            assertThat(shares.open(token(week)).credentials())
                    .singleElement()
                    .satisfies(s -> assertThat(s.entry().facts().title()).isEqualTo("Teamwork"));

            // WHEN the week is over, THEN nothing; WHEN the collection is deleted, THEN revoked
            clock.advance(Duration.ofDays(7));
            SharedView expired = shares.open(token(week));
            assertThat(expired.status()).isEqualTo(ShareStatus.EXPIRED);
            assertThat(expired.credentials()).isEmpty();
            given.sharing().collections().delete(given.learner(), collection.id());
            SharedView deleted = shares.open(token(ofCollection));
            assertThat(deleted.status()).isEqualTo(ShareStatus.REVOKED);
            assertThat(deleted.collectionName()).isEmpty();
            assertThat(shares.shares(given.learner()))
                    .filteredOn(share -> share.id().equals(ofCollection.share().id()))
                    .singleElement()
                    .satisfies(share -> assertThat(share.collectionId()).isEmpty());
        }
    }

    private static String token(CreatedShare created) {
        return created.url().substring(created.url().lastIndexOf('/') + 1);
    }

    private static boolean showName(WalletWorld world, UUID credential) {
        return world.issuing()
                .database()
                .jdbi()
                .withHandle(
                        handle ->
                                handle.createQuery(
                                                "SELECT show_name FROM credentials WHERE id = :id")
                                        .bind("id", credential)
                                        .mapTo(Boolean.class)
                                        .one());
    }

    private static List<String> storedTokenHashes(WalletWorld world) {
        return world.issuing()
                .database()
                .jdbi()
                .withHandle(
                        handle ->
                                handle.createQuery("SELECT token_hash FROM wallet_shares")
                                        .mapTo(String.class)
                                        .list());
    }
}
