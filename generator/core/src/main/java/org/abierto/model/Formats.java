package org.abierto.model;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.FormatStyle;
import java.util.Locale;

/**
 * Formats numbers and dates for one language with the JDK's locale data
 * ({@code es-MX}: "28 de febrero de 2024", "julio de 2024"; {@code en}: "February 28, 2024").
 * Templates call it as {@code format.date("2024-02-28")}.
 */
public final class Formats {
    private final Locale locale;
    private final DateTimeFormatter longDate;
    private final DateTimeFormatter monthYear;
    private final String monthPattern;

    /**
     * @param locale       the language's locale
     * @param monthPattern the pattern for a month of a year (from the i18n file, e.g. {@code MMMM 'de' y})
     */
    public Formats(Locale locale, String monthPattern) {
        this.locale = locale;
        this.longDate = DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale);
        this.monthYear = DateTimeFormatter.ofPattern(monthPattern, locale);
        this.monthPattern = monthPattern;
    }

    /** A whole or decimal number with the language's separators: 1,234 or 3.5. */
    public String number(Object value) {
        if (value instanceof Long || value instanceof Integer) {
            return NumberFormat.getIntegerInstance(locale).format(((Number) value).longValue());
        }
        if (value instanceof BigDecimal || value instanceof Double) {
            NumberFormat format = NumberFormat.getNumberInstance(locale);
            format.setMaximumFractionDigits(6);
            return format.format(value);
        }
        return value == null ? "" : value.toString();
    }

    /** A date ({@code 2024-02-28}) or month ({@code 2024-07}) written out: "28 de febrero de 2024", "julio de 2024". */
    public String date(String iso) {
        if (iso == null) {
            return "";
        }
        if (iso.length() == 7) {
            return monthYear.format(YearMonth.parse(iso));
        }
        return longDate.format(LocalDate.parse(iso));
    }

    /** A file size for people: "850 B", "12 KB", "1.2 MB" (decimal units, the language's separators). */
    public String size(long bytes) {
        if (bytes < 1000) {
            return number(bytes) + " B";
        }
        NumberFormat format = NumberFormat.getNumberInstance(locale);
        format.setMaximumFractionDigits(1);
        String[] units = {"KB", "MB", "GB", "TB"};
        double value = bytes;
        int unit = -1;
        // 999,999 bytes would round to "1,000 KB": a value that rounds to 1,000 is one of the next unit
        while (value >= 999.5 && unit < units.length - 1) {
            value /= 1000;
            unit++;
        }
        if (value >= 100) {
            format.setMaximumFractionDigits(0);
        }
        return format.format(value) + " " + units[unit];
    }

    /** Whether {@code iso} is a date or month this class can format. */
    public static boolean isDate(String iso) {
        try {
            if (iso.matches("\\d{4}-\\d{2}")) {
                YearMonth.parse(iso);
                return true;
            }
            if (iso.matches("\\d{4}-\\d{2}-\\d{2}")) {
                LocalDate.parse(iso);
                return true;
            }
        } catch (DateTimeParseException e) {
            return false;
        }
        return false;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Formats f && f.locale.equals(locale) && f.monthPattern.equals(monthPattern);
    }

    @Override
    public int hashCode() {
        return locale.hashCode() * 31 + monthPattern.hashCode();
    }

    /** The locale, for templates that need it. */
    public Locale locale() {
        return locale;
    }
}
