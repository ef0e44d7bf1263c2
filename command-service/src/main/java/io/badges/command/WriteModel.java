package io.badges.command;

/**
 * The write-model tables (issuer, badge_class, assertion) are kept by event handlers of one
 * subscribing processing group. They run inside the command's unit of work, so a row and its event
 * commit or roll back together; a failing handler fails the command.
 */
public final class WriteModel {

    public static final String GROUP = "write-model";

    private WriteModel() {
    }
}
