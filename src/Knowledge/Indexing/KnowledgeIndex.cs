using Clinic.Knowledge.Corpus;
using Clinic.Knowledge.Retrieval;

namespace Clinic.Knowledge.Indexing;

/// <summary>
/// The searchable corpus: chunks with their BM25 terms, unit-length sentence, section and chunk vectors, and the
/// vocabulary for spelling correction. Immutable once built, so every conversation can read it without locks.
/// </summary>
public sealed class KnowledgeIndex
{
    private KnowledgeIndex(
        IReadOnlyList<CleanedDocument> documents,
        IReadOnlyList<Chunk> chunks,
        IReadOnlyList<IndexedSentence> sentences,
        int[][] chunkSentences,
        int[] chunkSections,
        VectorMatrix sentenceVectors,
        VectorMatrix sectionVectors,
        VectorMatrix chunkVectors,
        string key,
        string modelId)
    {
        Documents = documents;
        Chunks = chunks;
        Sentences = sentences;
        ChunkSentences = chunkSentences;
        ChunkSections = chunkSections;
        SentenceVectors = sentenceVectors;
        SectionVectors = sectionVectors;
        ChunkVectors = chunkVectors;
        Key = key;
        ModelId = modelId;
        ChunkTerms = chunks.Select(c => (IReadOnlyList<string>)TextAnalyzer.Terms(c.Section + " " + c.Text)).ToArray();
        Bm25 = new Bm25Index(ChunkTerms);
        SentenceTerms = sentences.Select(s => new HashSet<string>(TextAnalyzer.Terms(s.Span.Text), StringComparer.Ordinal)).ToArray();
        var words = chunks.SelectMany(c => TextAnalyzer.Words(c.Section + " " + c.Text)).ToList();
        Speller = new SpellingCorrector(words.Concat(SynonymTable.Default.Vocabulary));
        WordPairs = new HashSet<string>(words.Zip(words.Skip(1), (a, b) => a + " " + b), StringComparer.Ordinal);
    }

    /// <summary>The cleaned documents the index was built from.</summary>
    public IReadOnlyList<CleanedDocument> Documents { get; }

    /// <summary>Every chunk, in document order.</summary>
    public IReadOnlyList<Chunk> Chunks { get; }

    /// <summary>The cache key: a hash of the corpus, the cleaning rules, the chunking and the embedding model.</summary>
    public string Key { get; }

    /// <summary>The embedding model that produced the vectors.</summary>
    public string ModelId { get; }

    internal IReadOnlyList<IndexedSentence> Sentences { get; }
    internal int[][] ChunkSentences { get; }
    internal int[] ChunkSections { get; }
    internal VectorMatrix SentenceVectors { get; }
    internal VectorMatrix SectionVectors { get; }
    internal VectorMatrix ChunkVectors { get; }
    internal IReadOnlyList<IReadOnlyList<string>> ChunkTerms { get; }
    internal IReadOnlyList<HashSet<string>> SentenceTerms { get; }
    internal Bm25Index Bm25 { get; }

    /// <summary>The mean of the raw sentence vectors, which every stored vector is measured from.</summary>
    internal float[] Mean { get; private init; } = [];

    /// <summary>The unit vectors as the model gave them, which the index file stores.</summary>
    internal VectorMatrix RawSentenceVectors { get; private init; } = null!;

    internal VectorMatrix RawSectionVectors { get; private init; } = null!;
    internal SpellingCorrector Speller { get; }

    /// <summary>Every two words that follow each other in the corpus ("half life"), to tell a compound it uses from one it does not.</summary>
    internal HashSet<string> WordPairs { get; }

    /// <summary>The texts to embed for <paramref name="documents"/>, sentences first, then section headings, in index order.</summary>
    internal static (List<IndexedSentence> Sentences, List<(string DocumentId, string Section)> Sections, int[][] ChunkSentences, int[] ChunkSections)
        Layout(IReadOnlyList<CleanedDocument> documents)
    {
        var sentences = new List<IndexedSentence>();
        var sentenceIds = new Dictionary<(string, int), int>();
        var sections = new List<(string DocumentId, string Section)>();
        var sectionIds = new Dictionary<(string, string), int>();
        var chunkSentences = new List<int[]>();
        var chunkSections = new List<int>();
        foreach (var chunk in documents.SelectMany(d => d.Chunks))
        {
            if (!sectionIds.TryGetValue((chunk.DocumentId, chunk.Section), out var sectionId))
            {
                sectionId = sections.Count;
                sectionIds[(chunk.DocumentId, chunk.Section)] = sectionId;
                sections.Add((chunk.DocumentId, chunk.Section));
            }
            var ids = new int[chunk.Sentences.Count];
            for (var i = 0; i < ids.Length; i++)
            {
                var span = chunk.Sentences[i];
                if (!sentenceIds.TryGetValue((chunk.DocumentId, span.Start), out var id))
                {
                    id = sentences.Count;
                    sentenceIds[(chunk.DocumentId, span.Start)] = id;
                    sentences.Add(new IndexedSentence(id, chunk.DocumentId, chunk.Section, sectionId, span));
                }
                ids[i] = id;
            }
            chunkSentences.Add(ids);
            chunkSections.Add(sectionId);
        }
        return (sentences, sections, chunkSentences.ToArray(), chunkSections.ToArray());
    }

    /// <summary>Assembles an index from documents and the unit vectors of their sentences and section headings (in <see cref="Layout"/> order).</summary>
    internal static KnowledgeIndex Create(
        IReadOnlyList<CleanedDocument> documents, VectorMatrix sentenceVectors, VectorMatrix sectionVectors, string key, string modelId)
    {
        var (sentences, sections, chunkSentences, chunkSections) = Layout(documents);
        var (raw, rawSections) = (sentenceVectors, sectionVectors);
        if (sentenceVectors.Count != sentences.Count || sectionVectors.Count != sections.Count)
            throw new InvalidDataException("The stored vectors do not match the corpus layout.");
        var dims = sentenceVectors.Dimensions;
        // Every sentence here is about ketamine, so raw cosines are all high; measuring from the corpus mean
        // compares what is distinctive about each sentence instead.
        var mean = new float[dims];
        for (var i = 0; i < sentenceVectors.Count; i++)
            System.Numerics.Tensors.TensorPrimitives.Add(mean, sentenceVectors.Row(i), mean);
        if (sentenceVectors.Count > 0)
            System.Numerics.Tensors.TensorPrimitives.Divide(mean, sentenceVectors.Count, mean);
        sentenceVectors = Centered(sentenceVectors, mean);
        sectionVectors = Centered(sectionVectors, mean);
        var chunkData = new float[chunkSentences.Length * dims];
        for (var c = 0; c < chunkSentences.Length; c++)
        {
            // A chunk's vector is the mean of its sentences': as good as embedding the joined text for USE, and free.
            var row = chunkData.AsSpan(c * dims, dims);
            foreach (var s in chunkSentences[c])
                System.Numerics.Tensors.TensorPrimitives.Add(row, sentenceVectors.Row(s), row);
            VectorMatrix.Normalize(row);
        }
        var chunks = documents.SelectMany(d => d.Chunks).ToList();
        return new KnowledgeIndex(documents, chunks, sentences, chunkSentences, chunkSections, sentenceVectors, sectionVectors,
            new VectorMatrix(chunkData, dims), key, modelId) { Mean = mean, RawSentenceVectors = raw, RawSectionVectors = rawSections };
    }

    /// <summary>Moves a unit query vector to the index's centred space, in place.</summary>
    internal void Center(Span<float> unitVector)
    {
        System.Numerics.Tensors.TensorPrimitives.Subtract(unitVector, Mean, unitVector);
        VectorMatrix.Normalize(unitVector);
    }

    private static VectorMatrix Centered(VectorMatrix source, float[] mean)
    {
        var data = (float[])source.Data.Clone();
        for (var i = 0; i < source.Count; i++)
        {
            var row = data.AsSpan(i * source.Dimensions, source.Dimensions);
            System.Numerics.Tensors.TensorPrimitives.Subtract(row, mean, row);
            VectorMatrix.Normalize(row);
        }
        return new VectorMatrix(data, source.Dimensions);
    }
}
