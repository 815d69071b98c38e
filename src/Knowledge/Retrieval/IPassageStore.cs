using Clinic.Knowledge.Indexing;

namespace Clinic.Knowledge.Retrieval;

/// <summary>
/// Where the chunks are searched: the in-process index (the default) or Azure AI Search. Either way the passages
/// it returns are chunks of <see cref="KnowledgeIndex"/>, so composition, citations and verification do not change.
/// </summary>
public interface IPassageStore
{
    /// <summary>
    /// Makes the store serve <paramref name="index"/>'s chunks (a remote store uploads them when it holds another
    /// index key); cheap when it already does. Throws <see cref="Search.SearchServiceException"/> when a remote store fails.
    /// </summary>
    Task<PassageStoreSync> SyncAsync(KnowledgeIndex index, CancellationToken cancellationToken = default);

    /// <summary>
    /// The best passages for the question, best first: <paramref name="query"/> as analysed, <paramref name="searchText"/>
    /// (the question with spelling corrections) and its unit vector in the index's centred space.
    /// Throws <see cref="Search.SearchServiceException"/> when a remote store fails.
    /// </summary>
    Task<IReadOnlyList<RetrievedPassage>> RankAsync(
        KnowledgeIndex index, AnalyzedQuery query, string searchText, float[] queryVector, CancellationToken cancellationToken = default);
}
