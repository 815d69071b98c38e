using System.Text;
using Azure.Search.Documents.Indexes.Models;
using Azure.Search.Documents.Models;
using Clinic.Knowledge.Corpus;
using Clinic.Knowledge.Indexing;

namespace Clinic.Knowledge.Search;

/// <summary>
/// The Azure AI Search index the chunks live in: one document per chunk, with its centred chunk vector and the centred
/// vector of its section heading (the in-memory index's vectors, so no text is embedded twice).
/// </summary>
internal static class SearchSchema
{
    public const string Id = "id";
    public const string ChunkId = "chunkId";
    public const string IndexKey = "indexKey";
    public const string DocumentId = "documentId";
    public const string Title = "title";
    public const string Section = "section";
    public const string Content = "content";
    public const string Start = "start";
    public const string End = "end";
    public const string Vector = "vector";
    public const string SectionVector = "sectionVector";
    private const string Profile = "chunk-vectors";

    // Part of the key stored with every document: a change to what a document holds re-uploads them all.
    private const string Version = "1";
    private const string Algorithm = "hnsw-cosine";

    public static readonly string[] FieldNames = [Id, ChunkId, IndexKey, DocumentId, Title, Section, Content, Start, End, Vector, SectionVector];

    /// <summary>
    /// The vector fields a query searches: the chunk's and its heading's, because a heading such as "Can I Drive Home?"
    /// often matches a question better than the text under it (the in-process ranking takes the best of both too).
    /// </summary>
    public static readonly string[] VectorFields = [Vector, SectionVector];

    public static SearchIndex Define(string name, int dimensions) => new(name)
    {
        Fields =
        {
            new SimpleField(Id, SearchFieldDataType.String) { IsKey = true },
            new SimpleField(ChunkId, SearchFieldDataType.String),
            // Every query filters on the index key, so a store shared by a stale instance never mixes corpora.
            new SimpleField(IndexKey, SearchFieldDataType.String) { IsFilterable = true },
            new SimpleField(DocumentId, SearchFieldDataType.String) { IsFilterable = true },
            new SearchableField(Title) { AnalyzerName = LexicalAnalyzerName.EnMicrosoft },
            new SearchableField(Section) { AnalyzerName = LexicalAnalyzerName.EnMicrosoft },
            new SearchableField(Content) { AnalyzerName = LexicalAnalyzerName.EnMicrosoft },
            new SimpleField(Start, SearchFieldDataType.Int32),
            new SimpleField(End, SearchFieldDataType.Int32),
            VectorField(Vector, dimensions),
            VectorField(SectionVector, dimensions),
        },
        VectorSearch = new VectorSearch
        {
            Profiles = { new VectorSearchProfile(Profile, Algorithm) },
            Algorithms =
            {
                new HnswAlgorithmConfiguration(Algorithm) { Parameters = new HnswParameters { Metric = VectorSearchAlgorithmMetric.Cosine } },
            },
        },
    };

    private static SearchField VectorField(string name, int dimensions) =>
        new(name, SearchFieldDataType.Collection(SearchFieldDataType.Single))
        {
            IsSearchable = true,
            VectorSearchDimensions = dimensions,
            VectorSearchProfileName = Profile,
        };

    /// <summary>The vector length of an existing index, or null when it has no vector field of ours.</summary>
    public static int? Dimensions(SearchIndex index) =>
        index.Fields.FirstOrDefault(f => f.Name == Vector)?.VectorSearchDimensions;

    /// <summary>Whether <paramref name="index"/> has every field this schema defines.</summary>
    public static bool HasAllFields(SearchIndex index) =>
        FieldNames.All(name => index.Fields.Any(f => f.Name == name));

    public static SearchDocument Document(Chunk chunk, string indexKey, ReadOnlySpan<float> vector, ReadOnlySpan<float> sectionVector) => new()
    {
        [Id] = KeyOf(chunk.Id),
        [ChunkId] = chunk.Id,
        [IndexKey] = indexKey,
        [DocumentId] = chunk.DocumentId,
        [Title] = chunk.Title,
        [Section] = chunk.Section,
        [Content] = chunk.Text,
        [Start] = chunk.Start,
        [End] = chunk.End,
        [Vector] = vector.ToArray(),
        [SectionVector] = sectionVector.ToArray(),
    };

    /// <summary>The key stored with <paramref name="index"/>'s documents: the local index's key (corpus, cleaning rules, model) and this schema's version.</summary>
    public static string StoredKey(KnowledgeIndex index) => $"{index.Key}-v{Version}";

    /// <summary>An OData filter on the index key, <c>eq</c> or <c>ne</c> (the key is hex; quotes are doubled all the same).</summary>
    public static string KeyFilter(string op, string key) => $"{IndexKey} {op} '{key.Replace("'", "''", StringComparison.Ordinal)}'";

    /// <summary>A document key Azure accepts (letters, digits, dash, underscore, equals) for a chunk id such as <c>a.txt#3</c>.</summary>
    public static string KeyOf(string chunkId) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes(chunkId)).Replace('+', '-').Replace('/', '_');
}
