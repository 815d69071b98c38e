using Clinic.Knowledge.Indexing;
using Microsoft.Extensions.Options;

namespace Clinic.Knowledge.Retrieval;

/// <summary>Ranks every chunk of the in-memory index (the default store); nothing leaves the machine.</summary>
public sealed class InProcessPassageStore(IOptions<RetrievalOptions> options) : IPassageStore
{
    private static readonly Task<PassageStoreSync> Ready = Task.FromResult(new PassageStoreSync("InProcess"));

    /// <inheritdoc />
    public Task<PassageStoreSync> SyncAsync(KnowledgeIndex index, CancellationToken cancellationToken = default) => Ready;

    /// <inheritdoc />
    public Task<IReadOnlyList<RetrievedPassage>> RankAsync(
        KnowledgeIndex index, AnalyzedQuery query, string searchText, float[] queryVector, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<RetrievedPassage>>(
            PassageScores.Rank(index, query, queryVector, Enumerable.Range(0, index.Chunks.Count).ToArray(), options.Value));
}
