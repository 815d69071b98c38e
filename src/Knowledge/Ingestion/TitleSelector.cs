using System.Text.RegularExpressions;
using Clinic.Knowledge.Corpus;

namespace Clinic.Knowledge.Ingestion;

/// <summary>
/// Picks a document's title from its headings: the page title among the headings before any body text (the
/// one repeated, as pages repeat their title in breadcrumbs), else the first specific heading that is not a
/// question (an FAQ question heads its answer, not the document), else the first plain heading, else the name.
/// </summary>
internal static partial class TitleSelector
{
    public static string Select(string id, IReadOnlyList<Block> blocks, IReadOnlyList<List<SourceSpan>> kept)
    {
        var leading = new List<string>();
        var all = new List<string>();
        var bodySeen = false;
        for (var i = 0; i < blocks.Count; i++)
        {
            if (blocks[i].Heading is { } heading)
            {
                all.Add(heading);
                if (!bodySeen)
                {
                    leading.Add(heading);
                }
            }

            bodySeen |= kept[i].Count > 0;
        }

        var repeated = leading.Where(h => !IsGeneric(h))
            .GroupBy(h => h, StringComparer.OrdinalIgnoreCase)
            .FirstOrDefault(group => group.Count() > 1)?.Key;
        var title = repeated
            ?? leading.Find(h => !IsGeneric(h))
            ?? all.Find(h => !IsGeneric(h) && !IsQuestion(h))
            ?? all.Find(h => !IsQuestion(h));
        return title is null ? Path.GetFileNameWithoutExtension(id) : OutlineLabel().Replace(title, string.Empty);
    }

    private static bool IsGeneric(string heading) => GenericHeading().IsMatch(heading);

    private static bool IsQuestion(string heading) => heading.EndsWith('?');

    [GeneratedRegex(@"^(?:(?:[IVXLC]{1,5}|[A-Z]|\d{1,2})[.)]\s+)?(?:introduction|conclusions?|in\s+conclusion|overview|summary|contents|table\s+of\s+contents|frequently\s+asked\s+questions|faqs?|references|sources)\s*:?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex GenericHeading();

    [GeneratedRegex(@"^(?:[IVXLC]{1,5}|[A-Z]|\d{1,2})[.)]\s+")]
    private static partial Regex OutlineLabel();
}
