package org.credence.app.credential;

import java.util.List;

/** One page of a credential list and the number of credentials matching the filters. */
public record CredentialPage(List<CredentialSummary> items, long total, int page, int pageSize) {

    public CredentialPage {
        items = List.copyOf(items);
    }
}
