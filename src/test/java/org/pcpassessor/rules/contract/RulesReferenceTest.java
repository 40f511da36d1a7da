package org.pcpassessor.rules.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** docs/rules-reference.md is what the code says rules can use. */
class RulesReferenceTest {
    @Test
    void theReferenceMatchesTheCode() throws Exception {
        Path file = Path.of("docs/rules-reference.md");
        if (Boolean.getBoolean("docs.write")) {
            Files.writeString(file, RulesReference.markdown());
        }
        assertEquals(Files.readString(file), RulesReference.markdown(),
                "regenerate with mvn -B test -Dtest=RulesReferenceTest -Ddocs.write=true");
    }
}
