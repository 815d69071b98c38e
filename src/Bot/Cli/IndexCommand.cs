using Clinic.Knowledge.Indexing;

namespace Clinic.Bot.Cli;

/// <summary><c>index</c>: rebuilds the index from the corpus and says what it did.</summary>
internal static class IndexCommand
{
    public static async Task<int> RunAsync(IServiceProvider services, TextWriter output, CancellationToken ct)
    {
        var report = await services.GetRequiredService<KnowledgeIndexProvider>().RebuildAsync(ct);
        await output.WriteLineAsync(
            $"Index {report.Outcome.ToLowerInvariant()}: {report.Documents} documents, {report.Chunks} chunks, {report.Sentences} sentences embedded in {report.Elapsed.TotalMilliseconds:F0} ms.");
        foreach (var problem in report.Problems)
            await output.WriteLineAsync("  skipped: " + problem);
        return 0;
    }
}
