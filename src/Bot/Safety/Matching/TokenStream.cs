namespace Clinic.Bot.Safety.Matching;

/// <summary>The tokens of one message with sentence and clause boundaries.</summary>
internal sealed class TokenStream(Token[] tokens, SentenceSpan[] sentences)
{
    public Token[] Tokens { get; } = tokens;

    public SentenceSpan[] Sentences { get; } = sentences;

    public int Count => Tokens.Length;

    public string this[int index] => Tokens[index].Text;

    public SentenceSpan SentenceOf(int index) => Sentences[Tokens[index].Sentence];

    public bool SameClause(int a, int b) => Tokens[a].Clause == Tokens[b].Clause;

    public int ClauseStart(int index)
    {
        var clause = Tokens[index].Clause;
        var i = index;
        while (i > 0 && Tokens[i - 1].Clause == clause)
        {
            i--;
        }

        return i;
    }

    public int ClauseEnd(int index)
    {
        var clause = Tokens[index].Clause;
        var i = index;
        while (i + 1 < Tokens.Length && Tokens[i + 1].Clause == clause)
        {
            i++;
        }

        return i + 1;
    }

    public string Phrase(int start, int end)
    {
        const int maxLength = 80;
        var text = string.Join(' ', Tokens[start..end].Select(t => t.Text));
        return text.Length <= maxLength ? text : text[..maxLength];
    }
}
