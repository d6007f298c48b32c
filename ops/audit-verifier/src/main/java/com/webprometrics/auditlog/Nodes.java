package com.webprometrics.auditlog;

/** A source of a tree's perfect subtree hashes, from which {@link Proofs} computes any root or proof. */
@FunctionalInterface
public interface Nodes {
    /** The hash of the perfect subtree over leaves {@code [index·2^level, (index+1)·2^level)}. */
    byte[] perfect(int level, long index);
}
