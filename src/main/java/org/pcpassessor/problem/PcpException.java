package org.pcpassessor.problem;

/**
 * The root of every exception this tool throws on purpose. Subtypes say whose fault it is:
 * {@link InputException} (the user's files: exit code 2) or {@link InternalException} (ours: exit code 1).
 */
public abstract class PcpException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    protected PcpException(String message) {
        super(message);
    }

    protected PcpException(String message, Throwable cause) {
        super(message, cause);
    }

    /** The process exit code that this failure maps to. */
    public abstract int exitCode();
}
