using System.Globalization;
using System.Text;

namespace Clinic.Knowledge.Embeddings.Tokenization;

/// <summary>
/// Unicode Normalization Form KC (UAX #15), self-contained. The reference tokenizer calls
/// <c>String.prototype.normalize("NFKC")</c>; .NET's <see cref="string.Normalize()"/> silently returns
/// non-ASCII text unchanged when InvariantGlobalization is on (as it is here), so the tables travel with
/// the code (<see cref="NfkcData"/>, generated from the Unicode Character Database).
/// </summary>
internal static class Nfkc
{
    private const int SBase = 0xAC00, LBase = 0x1100, VBase = 0x1161, TBase = 0x11A7;
    private const int LCount = 19, VCount = 21, TCount = 28, NCount = VCount * TCount, SCount = LCount * NCount;

    private static readonly Dictionary<int, int[]> s_decompositions = ParseDecompositions();
    private static readonly Dictionary<long, int> s_compositions = ParseCompositions();
    private static readonly Dictionary<int, byte> s_classes = ParseClasses();

    public static string Normalize(string text)
    {
        // Below U+00A0 nothing decomposes and nothing has a combining class: the common case costs one scan.
        if (!text.AsSpan().ContainsAnyExceptInRange('\0', '\u009F'))
        {
            return text;
        }

        var buffer = new List<int>(text.Length + 8);
        for (var i = 0; i < text.Length; i++)
        {
            var cp = (int)text[i];
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                cp = char.ConvertToUtf32(text[i], text[i + 1]);
                i++;
            }

            Decompose(cp, buffer);
        }

        ReorderCanonically(buffer);
        Compose(buffer);

        var sb = new StringBuilder(buffer.Count);
        foreach (var cp in buffer)
        {
            if (cp is >= 0xD800 and <= 0xDFFF)
            {
                sb.Append((char)cp); // lone surrogates pass through, as in JavaScript
            }
            else
            {
                sb.Append(char.ConvertFromUtf32(cp));
            }
        }

        return sb.ToString();
    }

    private static void Decompose(int cp, List<int> output)
    {
        var s = cp - SBase;
        if (s is >= 0 and < SCount)
        {
            output.Add(LBase + s / NCount);
            output.Add(VBase + s % NCount / TCount);
            if (s % TCount != 0)
            {
                output.Add(TBase + s % TCount);
            }
        }
        else if (s_decompositions.TryGetValue(cp, out var mapped))
        {
            output.AddRange(mapped);
        }
        else
        {
            output.Add(cp);
        }
    }

    private static int ClassOf(int cp) => s_classes.TryGetValue(cp, out var c) ? c : 0;

    // Stable insertion sort of each run of non-starters by combining class.
    private static void ReorderCanonically(List<int> cps)
    {
        for (var i = 1; i < cps.Count; i++)
        {
            var cc = ClassOf(cps[i]);
            if (cc == 0)
            {
                continue;
            }

            var j = i;
            while (j > 0 && ClassOf(cps[j - 1]) > cc)
            {
                (cps[j - 1], cps[j]) = (cps[j], cps[j - 1]);
                j--;
            }
        }
    }

    // The canonical composition algorithm of UAX #15, section "Canonical Composition Algorithm".
    private static void Compose(List<int> cps)
    {
        if (cps.Count == 0)
        {
            return;
        }

        var starterPos = 0;
        var lastClass = ClassOf(cps[0]) == 0 ? 0 : 256; // a leading non-starter blocks everything after it
        var write = 1;
        for (var read = 1; read < cps.Count; read++)
        {
            var cp = cps[read];
            var cc = ClassOf(cp);
            var composite = lastClass != 256 ? ComposePair(cps[starterPos], cp) : -1;
            if (composite >= 0 && (lastClass < cc || lastClass == 0))
            {
                cps[starterPos] = composite;
                continue;
            }

            if (cc == 0)
            {
                starterPos = write;
            }

            lastClass = cc;
            cps[write++] = cp;
        }

        cps.RemoveRange(write, cps.Count - write);
    }

    private static int ComposePair(int first, int second)
    {
        var l = first - LBase;
        if (l is >= 0 and < LCount)
        {
            var v = second - VBase;
            return v is >= 0 and < VCount ? SBase + (l * VCount + v) * TCount : -1;
        }

        var s = first - SBase;
        if (s is >= 0 and < SCount && s % TCount == 0)
        {
            var t = second - TBase;
            return t is > 0 and < TCount ? first + t : -1;
        }

        return s_compositions.TryGetValue(((long)first << 21) | (uint)second, out var c) ? c : -1;
    }

    private static IEnumerable<string[]> Entries(string table) =>
        table.Split(';', StringSplitOptions.RemoveEmptyEntries).Select(e => e.Split(':'));

    private static int Hex(string s) => int.Parse(s, NumberStyles.HexNumber, CultureInfo.InvariantCulture);

    private static Dictionary<int, int[]> ParseDecompositions() =>
        Entries(NfkcData.Decompositions).ToDictionary(e => Hex(e[0]), e => e[1].Split(' ').Select(Hex).ToArray());

    private static Dictionary<long, int> ParseCompositions() =>
        Entries(NfkcData.Compositions).ToDictionary(
            e => e[0].Split(' ') is [var a, var b] ? ((long)Hex(a) << 21) | (uint)Hex(b) : throw new FormatException(e[0]),
            e => Hex(e[1]));

    private static Dictionary<int, byte> ParseClasses() =>
        Entries(NfkcData.CombiningClasses).ToDictionary(e => Hex(e[0]), e => byte.Parse(e[1], CultureInfo.InvariantCulture));
}
