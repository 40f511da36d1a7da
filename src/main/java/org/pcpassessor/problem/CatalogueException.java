package org.pcpassessor.problem;

import java.util.List;

/** The measures.yaml catalogue is wrong; every problem found is carried, with its file, line and column. */
public final class CatalogueException extends InputException {
    private static final long serialVersionUID = 1L;

    public CatalogueException(List<Problem> problems) {
        super("measures.yaml catalogue", problems);
    }
}
