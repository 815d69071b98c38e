using Clinic.Knowledge.Answers;
using Clinic.Knowledge.Embeddings;
using Clinic.Knowledge.Indexing;
using Clinic.Knowledge.Retrieval;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Clinic.Knowledge.Tests.Service;

/// <summary>The real pipeline over the real corpus and the real model, with the index in a temporary folder.</summary>
public sealed class KnowledgeFixture : IDisposable
{
    public KnowledgeFixture()
    {
        Folder = Directory.CreateTempSubdirectory("knowledge-").FullName;
        Encoder = new UniversalSentenceEncoder();
        Service = Create(Path.Combine(AppContext.BaseDirectory, "corpus"), Path.Combine(Folder, "knowledge.index"), out var provider);
        Provider = provider;
    }

    public string Folder { get; }

    public UniversalSentenceEncoder Encoder { get; }

    public KnowledgeService Service { get; }

    public KnowledgeIndexProvider Provider { get; }

    public KnowledgeService Create(string corpusPath, string indexPath, out KnowledgeIndexProvider provider, TestLogger? logger = null)
    {
        provider = new KnowledgeIndexProvider(
            Options.Create(new KnowledgeOptions { CorpusPath = corpusPath, IndexPath = indexPath }),
            Encoder,
            (Microsoft.Extensions.Logging.ILogger<KnowledgeIndexProvider>?)logger ?? NullLogger<KnowledgeIndexProvider>.Instance);
        return new KnowledgeService(provider, new HybridRetriever(Encoder, Options.Create(new RetrievalOptions())),
            new AnswerComposer(Options.Create(new AnswerOptions())), Options.Create(new RetrievalOptions()));
    }

    public void Dispose()
    {
        Encoder.Dispose();
        Directory.Delete(Folder, recursive: true);
    }
}
