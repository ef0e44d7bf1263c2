package io.badges.persistence;

/** The two schemas: the command side's write model and event store, the query side's read model. */
public enum Side {
    COMMAND("command"), QUERY("query");

    private final String folder;

    Side(String folder) {
        this.folder = folder;
    }

    public String folder() {
        return folder;
    }
}
