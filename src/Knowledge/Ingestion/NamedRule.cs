using System.Text.RegularExpressions;

namespace Clinic.Knowledge.Ingestion;

/// <summary>A cleaning rule: its name is what a <see cref="Corpus.DroppedText"/> reports.</summary>
internal sealed record NamedRule(string Name, Regex Pattern)
{
    public bool IsMatch(string text) => Pattern.IsMatch(text);
}
