using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Clinic.Knowledge.Ingestion;

namespace Clinic.Knowledge.Generation;

/// <summary>
/// Makes visitor text and document text safe to place between the prompt's delimiters: nothing in it can close a
/// delimiter, open a new one, pose as a chat role or special token, or forge a citation marker.
/// </summary>
internal static partial class PromptText
{
    /// <summary>The text on one line, with tag brackets, square brackets, role markers and special tokens defused.</summary>
    public static string Neutralize(string text)
    {
        var sb = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            // Zero-width and other invisible characters can hide a marker from the replacements below.
            var category = CharUnicodeInfo.GetUnicodeCategory(c);
            if (category is UnicodeCategory.Format or UnicodeCategory.Control && c is not ('\n' or '\t'))
                continue;
            sb.Append(c switch
            {
                // Look-alikes that cannot close or open a tag, and parentheses that cannot forge "[1]".
                '<' or '＜' or '〈' => '‹',
                '>' or '＞' or '〉' => '›',
                '[' or '［' => '(',
                ']' or '］' => ')',
                '{' => '(',
                '}' => ')',
                '`' => '\'',
                _ => c,
            });
        }
        var result = SpecialToken().Replace(sb.ToString(), " ");
        result = RoleMarker().Replace(result, "$1 -");
        result = Heading().Replace(result, "");
        return Whitespace.Collapse(result).Trim();
    }

    // <|im_start|>, <|endoftext|> and the like, after the brackets became look-alikes.
    [GeneratedRegex(@"‹\s*\|[^|]{0,40}\|\s*›|\|\s*(im_start|im_end|endoftext|system|assistant|user)\s*\|", RegexOptions.IgnoreCase)]
    private static partial Regex SpecialToken();

    // "System:", "### Assistant:", "Human:" would read as a new turn of the conversation.
    [GeneratedRegex(@"\b(system|assistant|user|developer|tool|human|ai|instructions?)\s*:", RegexOptions.IgnoreCase)]
    private static partial Regex RoleMarker();

    [GeneratedRegex(@"(^|\s)#{1,6}(?=\s)")]
    private static partial Regex Heading();
}
