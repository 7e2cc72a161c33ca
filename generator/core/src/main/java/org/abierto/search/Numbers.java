package org.abierto.search;

/**
 * Lists of whole numbers ≥ 0 written as text, compact and cheap to read in a browser: each number in
 * base 32, most significant digit first, each digit one symbol of {@link #ALPHABET}: its first 32
 * symbols for the number's last digit, its other 32 for a digit with more to come. 0–31 take one
 * character, up to 1,023 two, up to 32,767 three; no symbol needs escaping in JSON.
 */
final class Numbers {
    static final String ALPHABET = "0123456789abcdefghijklmnopqrstuvABCDEFGHIJKLMNOPQRSTUVwxyzWXYZ-_";

    private Numbers() {
    }

    /** Appends one number. */
    static void write(StringBuilder out, int n) {
        if (n < 0) {
            throw new IllegalArgumentException("not a whole number ≥ 0: " + n);
        }
        int digits = 1;
        for (int rest = n >>> 5; rest > 0; rest >>>= 5) {
            digits++;
        }
        for (int d = digits - 1; d > 0; d--) {
            out.append(ALPHABET.charAt(32 + ((n >>> (5 * d)) & 31)));
        }
        out.append(ALPHABET.charAt(n & 31));
    }

    /** Each symbol's value, by character; -1 for a character that is not a symbol. */
    private static final byte[] VALUES = new byte[128];

    static {
        java.util.Arrays.fill(VALUES, (byte) -1);
        for (int i = 0; i < ALPHABET.length(); i++) {
            VALUES[ALPHABET.charAt(i)] = (byte) i;
        }
    }

    /**
     * Where a list written at {@code from} ends: a count, then that many numbers.
     *
     * @throws IllegalArgumentException when the text there is not such a list
     */
    static int listEnd(String text, int from) {
        int at = from;
        int count = 0;
        int d;
        do {
            d = value(text, at++);
            count = count * 32 + (d & 31);
        } while (d >= 32);
        for (int n = 0; n < count; n++) {
            while (value(text, at++) >= 32) { // the digits of a number with more to come
            }
        }
        return at;
    }

    private static int value(String text, int at) {
        char c = at < text.length() ? text.charAt(at) : 0x7F;
        int d = c < 128 ? VALUES[c] : -1;
        if (d < 0) {
            throw new IllegalArgumentException(at < text.length() ? "not a number symbol: " + c : "a list cut short");
        }
        return d;
    }

    /** Reads every number of a text written by {@link #write}. */
    static int[] read(CharSequence text) {
        int[] out = new int[text.length()];
        int count = 0;
        int n = 0;
        for (int i = 0; i < text.length(); i++) {
            int d = ALPHABET.indexOf(text.charAt(i));
            if (d < 0) {
                throw new IllegalArgumentException("not a number symbol: " + text.charAt(i));
            }
            n = n * 32 + (d & 31);
            if (d < 32) {
                out[count++] = n;
                n = 0;
            }
        }
        return java.util.Arrays.copyOf(out, count);
    }
}
