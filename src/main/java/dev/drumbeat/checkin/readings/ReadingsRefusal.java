package dev.drumbeat.checkin.readings;

/**
 * A reading the API will not store, with the HTTP status to answer and a sentence saying what is expected.
 * Nothing has been stored when it is thrown.
 */
final class ReadingsRefusal extends RuntimeException {
    static final int BAD_REQUEST = 400;
    static final int NOT_FOUND = 404;
    static final int UNPROCESSABLE = 422;
    private final int status;

    ReadingsRefusal(int status, String sentence) {
        super(sentence, null, false, false);
        this.status = status;
    }

    int status() {
        return status;
    }
}
