using Clinic.Knowledge.Corpus;

namespace Clinic.Knowledge.Ingestion;

/// <summary>What a chunk is built from: one sentence, or a list with its lead-in that must not be split.</summary>
internal sealed record ChunkUnit(IReadOnlyList<SourceSpan> Sentences, bool IsList)
{
    public int Chars => Sentences.Sum(s => s.Text.Length) + Sentences.Count - 1;
}
