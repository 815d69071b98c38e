using System.Text;

namespace Clinic.Knowledge.Ingestion;

/// <summary>
/// The one definition of white space the ingestion uses: any <see cref="char.IsWhiteSpace(char)"/> character,
/// line breaks and no-break spaces included. A <see cref="Corpus.SourceSpan"/>'s text is
/// <c>Collapse(original[Start..End])</c>, so a quote can always be checked against its file.
/// </summary>
public static class Whitespace
{
    /// <summary>Replaces every run of white space with one space and trims both ends.</summary>
    public static string Collapse(ReadOnlySpan<char> text)
    {
        var builder = new StringBuilder(text.Length);
        var pendingSpace = false;
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c))
            {
                pendingSpace = builder.Length > 0;
                continue;
            }

            if (pendingSpace)
            {
                builder.Append(' ');
                pendingSpace = false;
            }

            builder.Append(c);
        }

        return builder.ToString();
    }

    /// <inheritdoc cref="Collapse(ReadOnlySpan{char})"/>
    public static string Collapse(string text) => Collapse(text.AsSpan());
}
