package org.pcpassessor.cli;

import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import picocli.CommandLine;

/** Parses {@code --month YYYY-MM} with a message that says what was expected. */
final class YearMonthConverter implements CommandLine.ITypeConverter<YearMonth> {
    @Override
    public YearMonth convert(String value) {
        try {
            if (!value.matches("[0-9]{4}-[0-9]{2}")) {
                throw new DateTimeParseException("", value, 0);
            }
            return YearMonth.parse(value);
        } catch (DateTimeParseException e) {
            throw new CommandLine.TypeConversionException("'" + value + "' is not a month; use YYYY-MM, e.g. 2020-12");
        }
    }
}
