package dev.drumbeat.costs;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * A request body refused past {@code limit} bytes: a read that would pass it throws instead of handing the bytes on,
 * so nothing past the limit is ever written, and {@link #passed} says why reading stopped. Not thread-safe: one reader.
 */
final class UploadLimit extends FilterInputStream {
    private final long limit;
    private long read;
    private boolean passed;

    UploadLimit(InputStream body, long limit) {
        super(body);
        this.limit = limit;
    }

    boolean passed() {
        return passed;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        count(b < 0 ? 0 : 1);
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = super.read(buffer, offset, length);
        count(Math.max(n, 0));
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        long skipped = super.skip(n);
        count(skipped);
        return skipped;
    }

    private void count(long n) throws IOException {
        read += n;
        if (read > limit) {
            passed = true;
            throw new IOException("the upload passed its limit of " + limit + " bytes");
        }
    }
}
