package org.credence.core.did;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URI;
import java.util.HashMap;
import java.util.Map;

/** Serves fixture documents; any other URL is "network unavailable", as offline. */
final class FixtureFetcher implements DocumentFetcher {

    private final Map<URI, JsonObject> documents = new HashMap<>();

    FixtureFetcher with(String url, String json) {
        documents.put(URI.create(url), Json.createReader(new StringReader(json)).readObject());
        return this;
    }

    @Override
    public JsonObject fetch(URI url) throws ResolutionException {
        JsonObject document = documents.get(url);
        if (document == null) {
            throw new ResolutionException(ResolutionError.NETWORK_UNAVAILABLE, "offline: " + url);
        }
        return document;
    }
}
