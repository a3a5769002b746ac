package org.credence.server.web;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.credence.app.AppException;
import org.credence.app.issuer.IssuerIdentity;
import org.credence.app.issuer.IssuerTrustService;
import org.credence.app.issuer.IssuerTrustService.OperatorView;
import org.credence.app.issuer.Operators;
import org.credence.app.organization.Session;

/**
 * {@code /app/operator/issuers}: for the installation's operators ({@code
 * CREDENCE_OPERATOR_EMAILS}) only, every organisation's issuers with what tells them apart, and a
 * button to mark each vetted or not. Anyone else gets 404: the page does not exist for them.
 */
public final class OperatorPages {

    private final IssuerTrustService trust;
    private final Views views;

    /** One issuer on the operator page. */
    public record Row(
            String id,
            String organisationName,
            IssuerIdentity identity,
            String url,
            boolean vetted,
            String vettedBy) {}

    public OperatorPages(IssuerTrustService trust, Views views) {
        this.trust = Objects.requireNonNull(trust, "trust");
        this.views = Objects.requireNonNull(views, "views");
    }

    public void register(Routes routes) {
        routes.page(HandlerType.GET, "/app/operator/issuers", this::list);
        routes.page(HandlerType.POST, "/app/operator/issuers/{issuerId}/vetting", this::setVetting);
    }

    private void list(Context ctx, Session session) {
        Operators.Operator operator = trust.operators().require(session.email());
        List<Row> rows = trust.allIssuers(operator).stream().map(OperatorPages::row).toList();
        views.render(
                ctx,
                "operator-issuers.jte",
                Page.of("Issuers of this installation", session),
                "issuers",
                rows);
    }

    private void setVetting(Context ctx, Session session) {
        Operators.Operator operator = trust.operators().require(session.email());
        UUID issuerId = Forms.id(ctx, "issuerId", "Issuer");
        String vetted = Forms.field(ctx, "vetted");
        if (!vetted.equals("yes") && !vetted.equals("no")) {
            throw AppException.invalid("vetted: answer yes or no");
        }
        trust.setVetted(operator, issuerId, vetted.equals("yes"));
        ctx.redirect("/app/operator/issuers#issuer-" + issuerId);
    }

    private static Row row(OperatorView view) {
        return new Row(
                view.issuer().id().toString(),
                view.organisationName(),
                IssuerIdentity.of(view.issuer(), view.standing()),
                view.issuer().details().url().orElse(""),
                view.standing().vetted(),
                view.standing().vettedBy().orElse(""));
    }
}
