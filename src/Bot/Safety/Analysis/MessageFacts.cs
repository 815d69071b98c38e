using Clinic.Bot.Safety.Matching;

namespace Clinic.Bot.Safety.Analysis;

/// <summary>What is known about a message before its term matches are judged.</summary>
internal sealed class MessageFacts(TokenStream stream)
{
    public TokenStream Stream { get; } = stream;

    /// <summary>Tokens inside idioms ("killing time"); term patterns cannot use them.</summary>
    public bool[] IdiomMasked { get; } = new bool[stream.Count];

    /// <summary>Tokens inside mention contexts ("runs in my family"); they are not the subject of a term.</summary>
    public bool[] ContextMasked { get; } = new bool[stream.Count];

    /// <summary>Mention contexts (start, end) such as "died of", "family history".</summary>
    public List<(int Start, int End)> Contexts { get; } = [];

    /// <summary>Tokens of phrases that speak for the visitor though generic ("anyone else", "someone like me").</summary>
    public bool[] SelfMarked { get; } = new bool[stream.Count];

    /// <summary>Sentences that place events in the distant past ("years ago", "as a kid").</summary>
    public bool[] DistantPastSentence { get; } = new bool[stream.Sentences.Length];

    public static void Mark(bool[] mask, int start, int end)
    {
        for (var i = start; i < end; i++)
        {
            mask[i] = true;
        }
    }
}
