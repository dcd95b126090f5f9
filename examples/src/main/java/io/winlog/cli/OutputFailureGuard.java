package io.winlog.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;

/**
 * Turns a {@link PrintStream}'s swallowed write errors back into an {@link IOException}, so a dump
 * stops as soon as its output is gone ({@code winlog dump big.evtx | head}) instead of decoding
 * the rest of the file into a closed pipe. {@code System.out} never throws: it only sets a flag
 * that {@link PrintStream#checkError()} reads (and flushes first), so this checks after every
 * write. Dumps write whole chunks or 64 KiB buffers at a time, so the check is cheap.
 */
final class OutputFailureGuard extends OutputStream {
    private final PrintStream out;

    OutputFailureGuard(PrintStream out) {
        this.out = out;
    }

    @Override
    public void write(int b) throws IOException {
        out.write(b);
        check();
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        out.write(b, off, len);
        check();
    }

    @Override
    public void flush() throws IOException {
        check(); // checkError flushes
    }

    private void check() throws IOException {
        if (out.checkError()) {
            throw new IOException("output closed (the reading end of a pipe exited, or the disk is full); stopped");
        }
    }
}
