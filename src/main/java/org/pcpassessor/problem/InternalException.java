package org.pcpassessor.problem;

/** A bug or an environment failure (disk full, say), not the user's input. Exit code 1. */
public class InternalException extends PcpException {
    private static final long serialVersionUID = 1L;

    public InternalException(String message, Throwable cause) {
        super(message, cause);
    }

    public InternalException(String message) {
        super(message);
    }

    @Override
    public int exitCode() {
        return 1;
    }
}
