using System.Collections.Frozen;

namespace Clinic.Bot.Safety.Text;

/// <summary>Maps letters that look like Latin ones (Cyrillic, Greek, Armenian, IPA, small capitals) to ASCII.</summary>
internal static class Homoglyphs
{
    // Keys are lower case; look-alike punctuation (apostrophes, dashes) is folded here too.
    private static readonly FrozenDictionary<int, string> Table = new Dictionary<int, string>
    {
        // Cyrillic
        ['а'] = "a", ['в'] = "b", ['г'] = "r", ['е'] = "e", ['ё'] = "e", ['з'] = "3",         ['к'] = "k", ['м'] = "m", ['н'] = "h", ['о'] = "o", ['п'] = "n", ['р'] = "p", ['с'] = "c",
        ['т'] = "t", ['у'] = "y", ['х'] = "x", ['ѕ'] = "s", ['і'] = "i", ['ї'] = "i", ['ј'] = "j",
        ['ԁ'] = "d", ['һ'] = "h", ['ԛ'] = "q", ['ԝ'] = "w", ['ү'] = "y", ['ӏ'] = "l", ['ɡ'] = "g", ['ԍ'] = "g",
        ['ѵ'] = "v", ['ѡ'] = "w", ['ϲ'] = "c", ['ϳ'] = "j", ['ԏ'] = "t", ['ꙅ'] = "s", ['ꙇ'] = "i",
        // Greek
        ['α'] = "a", ['β'] = "b", ['γ'] = "y", ['δ'] = "d", ['ε'] = "e", ['η'] = "n", ['θ'] = "o",
        ['ι'] = "i", ['κ'] = "k", ['μ'] = "u", ['ν'] = "v", ['ο'] = "o", ['π'] = "n",
        ['ρ'] = "p", ['σ'] = "o", ['ς'] = "s", ['τ'] = "t", ['υ'] = "u", ['χ'] = "x",         ['ω'] = "w", ['ά'] = "a", ['έ'] = "e", ['ή'] = "n", ['ί'] = "i", ['ό'] = "o", ['ύ'] = "u", ['ώ'] = "w",
        ['ϊ'] = "i", ['ϋ'] = "u",
        // Armenian and others
        ['օ'] = "o", ['ս'] = "u", ['հ'] = "h", ['ո'] = "n", ['ց'] = "g", ['ք'] = "q", ['ɑ'] = "a", ['ı'] = "i",
        ['ȷ'] = "j", ['ɩ'] = "i", ['ł'] = "l", ['ø'] = "o", ['đ'] = "d", ['ħ'] = "h", ['ŧ'] = "t", ['ƅ'] = "b",
        ['ß'] = "ss", ['æ'] = "ae", ['œ'] = "oe", ['ð'] = "d", ['þ'] = "p", ['ɐ'] = "a", ['ǝ'] = "e", ['ɔ'] = "c",
        ['ʀ'] = "r", ['ʟ'] = "l", ['ɪ'] = "i", ['ɴ'] = "n", ['ʜ'] = "h", ['ʏ'] = "y", ['ʙ'] = "b", ['ɢ'] = "g",
        ['ᴀ'] = "a", ['ᴄ'] = "c", ['ᴅ'] = "d", ['ᴇ'] = "e", ['ꜰ'] = "f", ['ᴊ'] = "j", ['ᴋ'] = "k", ['ᴍ'] = "m",
        ['ᴏ'] = "o", ['ᴘ'] = "p", ['ǫ'] = "q", ['ꜱ'] = "s", ['ᴛ'] = "t", ['ᴜ'] = "u", ['ᴠ'] = "v", ['ᴡ'] = "w",
        ['ᴢ'] = "z",
        // Punctuation look-alikes
        ['\u2018'] = "'", ['\u2019'] = "'", ['\u201B'] = "'", ['\u02BC'] = "'", ['\u02B9'] = "'", ['`'] = "'",
        ['\u00B4'] = "'", ['\u2032'] = "'", ['\uFF07'] = "'", ['\u2010'] = "-", ['\u2011'] = "-", ['\u2012'] = "-",
        ['\u2013'] = "-", ['\u2014'] = "-", ['\u2015'] = "-", ['\u2212'] = "-", ['\uFE63'] = "-", ['\u2026'] = ".",
        ['\u3002'] = ".", ['\uFF61'] = ".", ['\u061F'] = "?", ['\u037E'] = "?", ['\u00BF'] = "?", ['\u00A1'] = "!",
    }.ToFrozenDictionary();

    public static string? Map(int lowerCodePoint) => Table.GetValueOrDefault(lowerCodePoint);
}
