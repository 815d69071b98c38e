using Clinic.Knowledge;
using Clinic.Knowledge.Ingestion;
using Microsoft.Extensions.Options;

namespace Clinic.Bot.Cli;

/// <summary><c>corpus [--dropped] [--chunks]</c>: what the cleaner kept and what it dropped, for a person to check the rules.</summary>
internal static class CorpusCommand
{
    public static async Task<int> RunAsync(IServiceProvider services, string[] args, TextWriter output, CancellationToken ct)
    {
        var path = services.GetRequiredService<IOptions<KnowledgeOptions>>().Value.CorpusPath;
        var corpus = await new CorpusLoader().LoadAsync(path, ct);
        var showDropped = args.Contains("--dropped") || args.Length == 0;
        var showChunks = args.Contains("--chunks");
        await output.WriteLineAsync($"Corpus {path}: {corpus.Documents.Count} documents, rules {CleaningRules.Version}");
        foreach (var doc in corpus.Documents)
        {
            ct.ThrowIfCancellationRequested();
            await output.WriteLineAsync($"\n{doc.Id}: \"{doc.Title}\" - {doc.Chunks.Count} chunks, {doc.Dropped.Count} dropped");
            if (showDropped)
            {
                foreach (var d in doc.Dropped)
                    await output.WriteLineAsync($"  dropped [{d.Rule}] @{d.Start}: {OneLine(d.Text)}");
            }
            if (showChunks)
            {
                foreach (var c in doc.Chunks)
                    await output.WriteLineAsync($"  {c.Id} [{c.Section}] {OneLine(c.Text)}");
            }
        }
        foreach (var problem in corpus.Problems)
            await output.WriteLineAsync("skipped: " + problem);
        return 0;
    }

    private static string OneLine(string s)
    {
        var line = Whitespace.Collapse(s);
        return line.Length > 160 ? line[..160] + "…" : line;
    }
}
