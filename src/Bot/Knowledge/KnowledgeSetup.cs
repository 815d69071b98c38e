using Clinic.Knowledge;
using Clinic.Knowledge.Answers;
using Clinic.Knowledge.Embeddings;
using Clinic.Knowledge.Indexing;
using Clinic.Knowledge.Retrieval;
using Clinic.Knowledge.Search;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Clinic.Bot.Knowledge;

public static class KnowledgeSetup
{
    /// <summary>The corpus, the embedding model (local by default, or Azure OpenAI), the index, where it is searched (in process by default, or Azure AI Search), retrieval, answer composition and optional generation.</summary>
    public static IHostApplicationBuilder AddKnowledge(this IHostApplicationBuilder builder)
    {
        var contentRoot = builder.Environment.ContentRootPath;
        builder.Services.AddOptions<KnowledgeOptions>()
            .BindConfiguration("Knowledge")
            .PostConfigure(o =>
            {
                o.CorpusPath = Path.GetFullPath(o.CorpusPath, contentRoot);
                o.IndexPath = Path.GetFullPath(o.IndexPath, contentRoot);
            })
            .Validate(o => Directory.Exists(o.CorpusPath), "The corpus folder does not exist. Set Knowledge:CorpusPath to the folder of .txt/.md documents. See appsettings.sample.json.")
            .ValidateOnStart();
        builder.Services.AddOptions<RetrievalOptions>().BindConfiguration("Knowledge:Retrieval")
            .Validate(o => o.TopK is > 0 and <= 50 && o.RrfK >= 0 && o.MaxQuestionLength > 0, "Knowledge:Retrieval has an out-of-range value. See appsettings.sample.json.")
            .ValidateOnStart();
        builder.Services.AddOptions<AnswerOptions>().BindConfiguration("Knowledge:Answers")
            .Validate(o => o.MaxSentences is >= 1 and <= 5 && o.MinSimilarity is >= 0 and <= 1 && o.MinorTermWeight is >= 0 and <= 1, "Knowledge:Answers has an out-of-range value. See appsettings.sample.json.")
            .ValidateOnStart();
        builder.Services.AddOptions<EmbeddingOptions>().BindConfiguration(EmbeddingOptions.SectionName).ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<EmbeddingOptions>, EmbeddingOptionsValidator>();
        builder.Services.AddEmbeddingGenerator();
        builder.Services.AddSingleton<KnowledgeIndexProvider>();
        builder.Services.AddOptions<SearchOptions>().BindConfiguration(SearchOptions.SectionName).ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<SearchOptions>, SearchOptionsValidator>();
        builder.Services.AddPassageStore();
        builder.Services.AddSingleton<HybridRetriever>();
        builder.Services.AddSingleton<AnswerComposer>();
        GenerationSetup.AddGeneration(builder);
        builder.Services.AddSingleton<KnowledgeService>();
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddHostedService<IndexWarmup>();
        return builder;
    }
}
