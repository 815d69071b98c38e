using System.Text.RegularExpressions;
using Clinic.Knowledge.Ingestion;

namespace Clinic.Knowledge.Generation;

/// <summary>One sentence of the model's answer: its claim without citation markers, and the passages it cites.</summary>
/// <param name="Claim">The sentence text, markers removed, white space collapsed.</param>
/// <param name="Cites">The passage numbers it cites, in order, without repeats.</param>
internal sealed partial record ModelSentence(string Claim, IReadOnlyList<int> Cites)
{
    /// <summary>
    /// Splits the model's text into sentences. A marker after the full stop ("... infusion. [2]") belongs to the
    /// sentence before it; list bullets and line breaks end sentences.
    /// </summary>
    public static List<ModelSentence> Split(string text)
    {
        var sentences = new List<ModelSentence>();
        foreach (var rawLine in text.Replace("\r", "", StringComparison.Ordinal).Split('\n'))
        {
            var line = Whitespace.Collapse(Bullet().Replace(rawLine, "")).Trim();
            if (line.Length == 0)
                continue;
            foreach (var (start, end) in SentenceSplitter.Split(line))
            {
                var piece = line[start..end];
                // "... minutes. [2] Plan a ride" : the leading marker closes the sentence before.
                if (LeadingMarkers().Match(piece) is { Success: true } leading && sentences.Count > 0)
                {
                    var previous = sentences[^1];
                    var moved = Markers().Matches(leading.Value).SelectMany(m => Numbers(m.Groups[1].Value));
                    sentences[^1] = previous with { Cites = previous.Cites.Concat(moved).Distinct().ToList() };
                    piece = piece[leading.Length..];
                }
                var cites = Markers().Matches(piece).SelectMany(m => Numbers(m.Groups[1].Value)).ToList();
                var claim = Whitespace.Collapse(Markers().Replace(piece, " ")).Trim();
                claim = SpaceBeforePunctuation().Replace(claim, "$1");
                if (!claim.Any(char.IsLetterOrDigit) && sentences.Count > 0)
                {
                    var last = sentences[^1];
                    sentences[^1] = last with { Cites = last.Cites.Concat(cites).Distinct().ToList() };
                    continue;
                }
                if (claim.Length > 0)
                    sentences.Add(new ModelSentence(claim, cites.Distinct().ToList()));
            }
        }
        return sentences;
    }

    private static IEnumerable<int> Numbers(string list) =>
        list.Split([',', ';', ' ', '^'], StringSplitOptions.RemoveEmptyEntries).Select(n => int.TryParse(n, out var v) ? v : -1);

    // [1], [1][2], [1, 2], [^1]: the forms models use for "cite passage 1".
    [GeneratedRegex(@"\[\s*\^?(\d{1,2}(?:\s*[,;]\s*\^?\d{1,2})*)\s*\]")]
    private static partial Regex Markers();

    [GeneratedRegex(@"^(?:\s*\[\s*\^?\d{1,2}(?:\s*[,;]\s*\^?\d{1,2})*\s*\])+\s*")]
    private static partial Regex LeadingMarkers();

    [GeneratedRegex(@"^\s*(?:[-*•]|\d{1,2}[.)])\s+")]
    private static partial Regex Bullet();

    [GeneratedRegex(@"\s+([.,;:!?])")]
    private static partial Regex SpaceBeforePunctuation();
}
