package org.pcpassessor.catalogue;

import java.util.Objects;

/**
 * The front matter of the Board paper (catalogue {@code report.paper}): who it is to and from, and its purpose,
 * recommendation and background paragraphs, and the date it is dated (the meeting's, say; {@code report --date}
 * overrides it). {@code {month}} in a paragraph becomes the report month ("December 2020"). The Word output prints them
 * through its template; the other formats do not. Its bibliography: the source documents and the contact officer
 * (none unless the catalogue gives them; the paper then says so rather than invent one).
 */
public record Paper(String to, String from, String purpose, String recommendation, String background,
                    java.util.Optional<java.time.LocalDate> date, java.util.List<String> sources, String contact) {
    public static final Paper DEFAULT = new Paper("Business Coordination Board", "Chief Constable",
            "The purpose of this report is to update the Board on performance against the Police and Crime Plan in "
                    + "the 12 months to {month}.",
            "The Board is recommended to note the contents of this report.", "", java.util.Optional.empty(),
            java.util.List.of(), "");

    public Paper {
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(purpose, "purpose");
        Objects.requireNonNull(recommendation, "recommendation");
        Objects.requireNonNull(background, "background");
        Objects.requireNonNull(date, "date");
        sources = java.util.List.copyOf(sources);
        Objects.requireNonNull(contact, "contact");
    }
}
