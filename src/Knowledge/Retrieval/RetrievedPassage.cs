using Clinic.Knowledge.Corpus;

namespace Clinic.Knowledge.Retrieval;

/// <summary>A chunk found for a question, with the signals that ranked it.</summary>
/// <param name="ChunkIndex">The chunk's position in the index.</param>
/// <param name="Chunk">The chunk.</param>
/// <param name="Fused">The reciprocal-rank-fusion score.</param>
/// <param name="Lexical">The BM25 score.</param>
/// <param name="Dense">The best cosine similarity of the question with the chunk, its sentences or its heading.</param>
public sealed record RetrievedPassage(int ChunkIndex, Chunk Chunk, double Fused, double Lexical, double Dense);
