package io.badges.vocabulary.image;

/** An image we refuse, with a reason fit for the client (what is wrong, never a parser's stack). */
public class BadImage extends RuntimeException {

    public BadImage(String reason) {
        super(reason);
    }
}
