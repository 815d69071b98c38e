namespace Clinic.Bot.Safety.Text;

/// <summary>Compatibility folding of styled letters (fullwidth, mathematical, circled, accented) to ASCII.</summary>
internal static partial class FoldingTable
{
    public static string? Fold(int codePoint)
    {
        if (codePoint < 0xA0)
        {
            return null;
        }

        var lo = 0;
        var hi = Ranges.Length - 1;
        while (lo <= hi)
        {
            var mid = (lo + hi) >>> 1;
            var (first, last, target, step) = Ranges[mid];
            if (codePoint < first)
            {
                hi = mid - 1;
            }
            else if (codePoint > last)
            {
                lo = mid + 1;
            }
            else
            {
                return step == 0 ? target : ((char)(target[0] + codePoint - first)).ToString();
            }
        }

        return null;
    }
}
