package org.pcpassessor.problem;

import java.util.List;

/** The series CSV data is wrong; every problem found is carried, with its file, line and column. */
public final class DataException extends InputException {
    private static final long serialVersionUID = 1L;

    public DataException(List<Problem> problems) {
        super("series CSV data", problems);
    }
}
