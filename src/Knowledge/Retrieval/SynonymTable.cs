using System.Reflection;

namespace Clinic.Knowledge.Retrieval;

/// <summary>Groups of phrases that mean the same thing to a visitor ("Spravato", "nasal spray"), matched on stemmed terms.</summary>
internal sealed class SynonymTable
{
    private readonly List<string[][]> _groups;

    private SynonymTable(List<string[][]> groups) => _groups = groups;

    /// <summary>The table shipped in the assembly (synonyms.txt).</summary>
    public static SynonymTable Default { get; } = Parse(ReadEmbedded());

    public static SynonymTable Parse(string text)
    {
        var groups = new List<string[][]>();
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.Trim();
            if (line.Length == 0 || line.StartsWith('#'))
                continue;
            var phrases = line.Split('|')
                .Select(p => TextAnalyzer.Terms(p).ToArray())
                .Where(p => p.Length > 0)
                .ToArray();
            if (phrases.Length > 1)
                groups.Add(phrases);
        }
        return new SynonymTable(groups);
    }

    /// <summary>All words the table knows, so the spelling corrector can correct towards them too.</summary>
    public IEnumerable<string> Vocabulary => _groups.SelectMany(g => g).SelectMany(p => p);

    /// <summary>Terms of the other phrases of every group that has a phrase in <paramref name="terms"/>, minus those already present.</summary>
    public IReadOnlyList<string> Expand(IReadOnlyList<string> terms)
    {
        var present = new HashSet<string>(terms, StringComparer.Ordinal);
        var added = new List<string>();
        foreach (var group in _groups)
        {
            if (!group.Any(phrase => Contains(terms, phrase)))
                continue;
            foreach (var term in group.SelectMany(p => p))
            {
                if (present.Add(term))
                    added.Add(term);
            }
        }
        return added;
    }

    private static bool Contains(IReadOnlyList<string> terms, string[] phrase)
    {
        for (var i = 0; i + phrase.Length <= terms.Count; i++)
        {
            var j = 0;
            while (j < phrase.Length && terms[i + j] == phrase[j])
                j++;
            if (j == phrase.Length)
                return true;
        }
        return false;
    }

    private static string ReadEmbedded()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("Clinic.Knowledge.Retrieval.synonyms.txt")
            ?? throw new InvalidOperationException("The synonym table is missing from the assembly; rebuild the Knowledge project.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
