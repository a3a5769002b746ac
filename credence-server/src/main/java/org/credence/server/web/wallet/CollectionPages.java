package org.credence.server.web.wallet;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.http.HttpStatus;
import java.util.Objects;
import java.util.UUID;
import org.credence.app.AppException;
import org.credence.app.wallet.CollectionService;
import org.credence.app.wallet.LearnerSession;
import org.credence.server.web.Forms;
import org.credence.server.web.Routes;

/**
 * The forms of the wallet page's "Collections" section: make, rename and delete a collection, add a
 * credential of the wallet to it and take one out. Each answers by going back to the wallet.
 */
public final class CollectionPages {

    private static final String BACK = "/wallet#collections";

    private final CollectionService collections;

    public CollectionPages(CollectionService collections) {
        this.collections = Objects.requireNonNull(collections, "collections");
    }

    public void register(Routes routes) {
        routes.learnerPage(HandlerType.POST, "/wallet/collections", this::create);
        routes.learnerPage(
                HandlerType.POST, "/wallet/collections/{collectionId}/rename", this::rename);
        routes.learnerPage(
                HandlerType.POST, "/wallet/collections/{collectionId}/delete", this::delete);
        routes.learnerPage(HandlerType.POST, "/wallet/collections/{collectionId}/add", this::add);
        routes.learnerPage(
                HandlerType.POST, "/wallet/collections/{collectionId}/remove", this::remove);
    }

    private void create(Context ctx, LearnerSession learner) {
        collections.create(learner.learnerId(), Forms.field(ctx, "name"));
        ctx.redirect(BACK, HttpStatus.SEE_OTHER);
    }

    private void rename(Context ctx, LearnerSession learner) {
        collections.rename(learner.learnerId(), collection(ctx), Forms.field(ctx, "name"));
        ctx.redirect(BACK, HttpStatus.SEE_OTHER);
    }

    private void delete(Context ctx, LearnerSession learner) {
        collections.delete(learner.learnerId(), collection(ctx));
        ctx.redirect(BACK, HttpStatus.SEE_OTHER);
    }

    private void add(Context ctx, LearnerSession learner) {
        collections.add(learner.learnerId(), collection(ctx), entry(ctx));
        ctx.redirect(BACK, HttpStatus.SEE_OTHER);
    }

    private void remove(Context ctx, LearnerSession learner) {
        collections.remove(learner.learnerId(), collection(ctx), entry(ctx));
        ctx.redirect(BACK, HttpStatus.SEE_OTHER);
    }

    private static UUID collection(Context ctx) {
        return Forms.id(ctx, "collectionId", "Collection");
    }

    /** The credential's wallet id from the form. */
    static UUID entry(Context ctx) {
        try {
            return UUID.fromString(Forms.field(ctx, "entry").strip());
        } catch (IllegalArgumentException e) {
            throw AppException.invalid("entry: choose a credential");
        }
    }
}
