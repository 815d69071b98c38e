using System.Collections.Frozen;

namespace Clinic.Bot.Safety.Matching;

internal enum ElementKind
{
    Words,
    Prefix,
    Number,
    Gap,
    ClauseEnd,
}

/// <summary>One position of a pattern: alternative words, a word prefix, a number (optionally in a range), a gap or '$' (end of clause).</summary>
internal sealed record PatternElement(
    ElementKind Kind,
    FrozenSet<string> Words,
    bool Optional = false,
    int Gap = 0,
    int Min = 0,
    int Max = int.MaxValue)
{
    public bool Accepts(Token token, FrozenSet<string> numberWords) => Kind switch
    {
        ElementKind.Words => Words.Contains(token.Text),
        ElementKind.Prefix => StartsWithAny(token.Text),
        ElementKind.Number => token.IsNumber
            ? token.Number >= Min && token.Number <= Max
            : Min == 0 && Max == int.MaxValue && numberWords.Contains(token.Text),
        _ => false,
    };

    private bool StartsWithAny(string text)
    {
        foreach (var prefix in Words)
        {
            if (text.StartsWith(prefix, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }
}
