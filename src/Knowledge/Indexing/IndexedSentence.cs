using Clinic.Knowledge.Corpus;

namespace Clinic.Knowledge.Indexing;

/// <summary>One unique sentence of the corpus (chunks overlap, sentences do not), with where it sits.</summary>
internal sealed record IndexedSentence(int Ordinal, string DocumentId, string Section, int SectionOrdinal, SourceSpan Span);
