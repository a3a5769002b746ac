package org.credence.app.wallet;

/**
 * What moved when a second account was merged into a learner's.
 *
 * @param identifiers verified identifiers moved
 * @param credentials wallet credentials moved (claimed and imported ones; duplicates left out)
 * @param transcripts transcripts moved
 */
public record MergedAccount(int identifiers, int credentials, int transcripts) {}
