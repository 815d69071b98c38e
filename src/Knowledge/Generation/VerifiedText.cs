using System.Text;

namespace Clinic.Knowledge.Generation;

/// <summary>Joins verified sentences, renumbering their markers so [1] is the answer's first citation.</summary>
internal static class VerifiedText
{
    public static (string Body, List<NumberedPassage> Cited) Compose(IReadOnlyList<ModelSentence> sentences, IReadOnlyList<NumberedPassage> passages)
    {
        var cited = new List<NumberedPassage>();
        var text = new StringBuilder();
        foreach (var sentence in sentences)
        {
            if (text.Length > 0)
                text.Append(' ');
            var claim = sentence.Claim.TrimEnd('.', '!', '?');
            var end = sentence.Claim.Length > claim.Length ? sentence.Claim[^1] : '.';
            text.Append(claim);
            foreach (var number in sentence.Cites)
            {
                var passage = passages[number - 1];
                if (!cited.Contains(passage))
                    cited.Add(passage);
                text.Append(" [").Append(cited.IndexOf(passage) + 1).Append(']');
            }
            text.Append(end);
        }
        return (text.ToString(), cited);
    }
}
