using System.Text;
using Clinic.Knowledge.Corpus;

namespace Clinic.Knowledge.Ingestion;

/// <summary>
/// Loads every <c>.txt</c> and <c>.md</c> file directly in the corpus folder, in file-name order, and cleans it.
/// One bad file is reported as a <see cref="CorpusProblem"/>, never thrown, so a service does not crash-loop on it.
/// </summary>
public sealed class CorpusLoader(DocumentCleaner cleaner)
{
    private static readonly string[] Extensions = [".txt", ".md"];

    // Strict: invalid bytes throw instead of turning into U+FFFD, so a non-UTF-8 file is reported, not garbled.
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Creates a loader with the standard cleaner.</summary>
    public CorpusLoader()
        : this(new DocumentCleaner())
    {
    }

    /// <summary>Loads and cleans the corpus in <paramref name="folder"/>.</summary>
    /// <exception cref="InvalidOperationException">The folder does not exist: a configuration fault.</exception>
    public async Task<CorpusLoadResult> LoadAsync(string folder, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(folder);
        var fullPath = Path.GetFullPath(folder);
        if (!Directory.Exists(fullPath))
        {
            throw new InvalidOperationException(
                $"Corpus folder '{fullPath}' not found. Set Knowledge:CorpusPath (in appsettings.json, or the " +
                "Knowledge__CorpusPath environment variable) to the folder holding the clinic's .txt and .md " +
                "articles; see appsettings.sample.json.");
        }

        var files = Directory.EnumerateFiles(fullPath)
            .Where(file => Extensions.Contains(Path.GetExtension(file), StringComparer.OrdinalIgnoreCase))
            .Order(StringComparer.Ordinal)
            .ToList();
        var documents = new List<CleanedDocument>();
        var problems = new List<CorpusProblem>();
        if (files.Count == 0)
        {
            problems.Add(new CorpusProblem(fullPath, "The corpus folder holds no .txt or .md files; the bot has nothing to answer from."));
        }

        foreach (var file in files)
        {
            var (text, problem) = await ReadTextAsync(file, cancellationToken);
            if (text is null)
            {
                problems.Add(problem!);
                continue;
            }

            var document = cleaner.Clean(Path.GetFileName(file), text);
            documents.Add(document);
            if (document.Chunks.Count == 0)
            {
                problems.Add(new CorpusProblem(file, "No knowledge text is left after cleaning; the file adds nothing to answers."));
            }
        }

        return new CorpusLoadResult(documents, problems);
    }

    private static async Task<(string? Text, CorpusProblem? Problem)> ReadTextAsync(string file, CancellationToken cancellationToken)
    {
        byte[] bytes;
        try
        {
            bytes = await File.ReadAllBytesAsync(file, cancellationToken);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return (null, new CorpusProblem(file, $"Skipped: the file cannot be read ({e.GetType().Name}: {e.Message})."));
        }

        var body = bytes.AsSpan();
        if (body.StartsWith(Encoding.UTF8.Preamble))
        {
            body = body[Encoding.UTF8.Preamble.Length..];
        }

        if (body.Contains((byte)0))
        {
            return (null, new CorpusProblem(file, "Skipped: the file looks binary (it contains NUL bytes), not UTF-8 text. Save it as UTF-8 text."));
        }

        try
        {
            return (StrictUtf8.GetString(body), null);
        }
        catch (DecoderFallbackException e)
        {
            return (null, new CorpusProblem(file, $"Skipped: the file is not valid UTF-8 (bad byte at offset {e.Index}). Save it as UTF-8 text."));
        }
    }
}
