package dev.proofline.serve;

/** A request the service cannot take as sent; its message names the field and what is wrong, for a 422. */
final class BadRequest extends Exception {
    BadRequest(String message) {
        super(message, null, false, false);
    }
}
