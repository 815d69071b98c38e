using System.Text;

namespace Clinic.Knowledge.Ingestion;

/// <summary>
/// A range of the original text with white space collapsed, remembering where each kept character came from,
/// so a piece found in the collapsed text maps back to exact original offsets.
/// </summary>
internal sealed class CollapsedText
{
    private readonly int[] _origin;

    private CollapsedText(string text, int[] origin)
    {
        Text = text;
        _origin = origin;
    }

    public string Text { get; }

    public static CollapsedText Of(string original, int start, int end)
    {
        var builder = new StringBuilder(end - start);
        var origin = new List<int>(end - start);
        var pendingSpace = -1;
        for (var i = start; i < end; i++)
        {
            if (char.IsWhiteSpace(original[i]))
            {
                if (builder.Length > 0 && pendingSpace < 0)
                {
                    pendingSpace = i;
                }

                continue;
            }

            if (pendingSpace >= 0)
            {
                builder.Append(' ');
                origin.Add(pendingSpace);
                pendingSpace = -1;
            }

            builder.Append(original[i]);
            origin.Add(i);
        }

        return new CollapsedText(builder.ToString(), [.. origin]);
    }

    /// <summary>Original offset of the collapsed character at <paramref name="index"/>.</summary>
    public int OriginAt(int index) => _origin[index];

    /// <summary>Maps a collapsed range (trimmed, non-empty) to the half-open original range.</summary>
    public (int Start, int End) ToOriginal(int start, int end) => (_origin[start], _origin[end - 1] + 1);
}
