using Clinic.Knowledge.Indexing;
using Clinic.Knowledge.Retrieval;

namespace Clinic.Bot.Cli;

/// <summary><c>index</c>: rebuilds the index from the corpus (and uploads it to Azure AI Search when that is the store) and says what it did.</summary>
internal static class IndexCommand
{
    public static async Task<int> RunAsync(IServiceProvider services, TextWriter output, CancellationToken ct)
    {
        var report = await services.GetRequiredService<KnowledgeIndexProvider>().RebuildAsync(ct);
        await output.WriteLineAsync(
            $"Index {report.Outcome.ToLowerInvariant()}: {report.Documents} documents, {report.Chunks} chunks, {report.Sentences} sentences embedded in {report.Elapsed.TotalMilliseconds:F0} ms.");
        foreach (var problem in report.Problems)
            await output.WriteLineAsync("  skipped: " + problem);
        var index = await services.GetRequiredService<KnowledgeIndexProvider>().GetAsync(ct);
        var sync = await services.GetRequiredService<IPassageStore>().SyncAsync(index, ct);
        if (sync.Outcome != "InProcess")
            await output.WriteLineAsync($"Azure AI Search {sync.Outcome.ToLowerInvariant()}: {sync.Uploaded} chunks uploaded, {sync.Deleted} of an older index deleted.");
        return 0;
    }
}
