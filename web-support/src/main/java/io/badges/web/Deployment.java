package io.badges.web;

/**
 * How many processes of each service run, set explicitly ({@code BADGES_DEPLOYMENT}), never guessed
 * from the database: it decides what is safe without shared infrastructure.
 */
public enum Deployment {

    /**
     * The embedded default: one command and one query process on one machine. A per-process read
     * cache needs no channel between instances, and a write key generated into the data directory
     * is the only key.
     */
    SINGLE_PROCESS,

    /**
     * Several instances behind a load balancer (the postgres and distributed profiles): a
     * per-process cache is used only with Redis to carry invalidations, and write keys must be
     * configured.
     */
    REPLICATED;

    public boolean singleProcess() {
        return this == SINGLE_PROCESS;
    }
}
