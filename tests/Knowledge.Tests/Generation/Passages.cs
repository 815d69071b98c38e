using Clinic.Knowledge.Corpus;
using Clinic.Knowledge.Generation;
using Clinic.Knowledge.Ingestion;

namespace Clinic.Knowledge.Tests.Generation;

/// <summary>Numbered passages made from literal text, as retrieval would hand them to the prompt and the verifier.</summary>
internal static class Passages
{
    public static List<NumberedPassage> Of(params string[] texts) =>
        texts.Select((text, i) => new NumberedPassage(i + 1, Chunk($"doc{i + 1}.txt", text))).ToList();

    public static Chunk Chunk(string documentId, string text, string section = "Section")
    {
        var spans = SentenceSplitter.Split(text).Select(r => new SourceSpan(text[r.Start..r.End], r.Start, r.End)).ToList();
        return new Chunk(documentId + "#0", documentId, "Title of " + documentId, section, spans);
    }
}
