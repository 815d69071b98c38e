using System.Globalization;
using System.Text;

namespace Clinic.Bot.Safety.Text;

/// <summary>
/// Turns arbitrary user text into plain ASCII-ish text: styled and accented letters folded, look-alike letters
/// mapped, invisible characters removed, controls and broken surrogates turned into spaces. Case is kept (acronyms
/// need it). Never throws. The app runs with InvariantGlobalization, where string.Normalize is a no-op, so folding
/// is done from a generated table instead.
/// </summary>
internal static class TextNormalizer
{
    public static string Normalize(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        var builder = new StringBuilder(text.Length);
        var index = 0;
        while (index < text.Length)
        {
            // Lone surrogates decode as U+FFFD instead of throwing.
            Rune.DecodeFromUtf16(text.AsSpan(index), out var rune, out var consumed);
            index += Math.Max(consumed, 1);
            Append(builder, rune);
        }

        return builder.ToString();
    }

    private static void Append(StringBuilder builder, Rune rune)
    {
        var value = rune.Value;
        if (value == 0xFFFD)
        {
            builder.Append(' '); // a broken surrogate pair
            return;
        }

        if (value is '\n' or '\r')
        {
            builder.Append('\n');
            return;
        }

        switch (Rune.GetUnicodeCategory(rune))
        {
            case UnicodeCategory.Format:
            case UnicodeCategory.NonSpacingMark:
            case UnicodeCategory.SpacingCombiningMark:
            case UnicodeCategory.EnclosingMark:
                return; // zero-width characters, soft hyphen, bidi controls, variation selectors, diacritics
            case UnicodeCategory.Control:
            case UnicodeCategory.SpaceSeparator:
            case UnicodeCategory.Surrogate:
            case UnicodeCategory.PrivateUse:
            case UnicodeCategory.OtherNotAssigned:
                builder.Append(' ');
                return;
            case UnicodeCategory.LineSeparator:
            case UnicodeCategory.ParagraphSeparator:
                builder.Append('\n');
                return;
        }

        if (IsInvisibleFiller(value))
        {
            return;
        }

        if (value < 0x80)
        {
            builder.Append((char)value);
            return;
        }

        var folded = FoldingTable.Fold(value);
        if (folded is not null)
        {
            builder.Append(Rune.IsUpper(rune) ? folded.ToUpperInvariant() : folded);
            return;
        }

        var lower = Rune.ToLowerInvariant(rune);
        var mapped = Homoglyphs.Map(lower.Value);
        if (mapped is not null)
        {
            builder.Append(lower != rune ? mapped.ToUpperInvariant() : mapped);
            return;
        }

        builder.Append(rune.ToString());
    }

    // Letters and symbols that render as blank space without being format characters.
    private static bool IsInvisibleFiller(int value) =>
        value is 0x115F or 0x1160 or 0x3164 or 0xFFA0 or 0x2800 or 0x180E or 0x034F or 0xFFFC;
}
