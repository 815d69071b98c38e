namespace Clinic.Bot.Safety.Text;

/// <summary>A word-like piece of the text before resolution. Pieces split from one chunk by '-', '.', '_' share a group.</summary>
internal readonly record struct RawPiece(string Text, int Group, int Sentence, int Clause);

/// <summary>A sentence as the tokenizer saw it: did it end with '?', did it end with punctuation at all.</summary>
internal readonly record struct RawSentence(bool EndsWithQuestionMark, bool Terminated);

internal sealed record RawText(List<RawPiece> Pieces, List<RawSentence> Sentences, bool Shouting);

/// <summary>Splits normalised text into pieces, sentences and clauses. Linear in the input; never throws.</summary>
internal static class Tokenizer
{
    public static RawText Split(string text)
    {
        var state = new State();
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (IsChunkChar(c))
            {
                var j = i;
                while (j < text.Length && IsChunkChar(text[j]))
                {
                    j++;
                }

                Chunk(text.AsSpan(i, j - i), state);
                i = j;
                continue;
            }

            switch (c)
            {
                case '?':
                    state.EndSentence(question: true);
                    break;
                case ';' or '\n':
                    state.EndSentence(question: false);
                    break;
                case ',' or ':' or '(' or ')' or '[' or ']' or '{' or '}' or '"' or '<' or '>' or '=' or '~' or '&':
                    state.EndClause();
                    break;
            }

            i++;
        }

        state.Finish();
        return new RawText(state.Pieces, state.Sentences, IsShouting(text));
    }

    private static bool IsChunkChar(char c) =>
        char.IsLetterOrDigit(c) || c is '\'' or '*' or '@' or '$' or '!' or '|' or '.' or '-' or '_' or '/' or '\\' or '+';

    private static bool IsConnector(char c) => c is '.' or '!' or '-' or '_' or '/' or '\\' or '+';

    private static bool IsWordChar(char c) => char.IsLetterOrDigit(c) || c is '*' or '@' or '$' or '|' or '\'';

    private static void Chunk(ReadOnlySpan<char> chunk, State state)
    {
        var start = 0;
        for (var k = 0; k <= chunk.Length; k++)
        {
            var atEnd = k == chunk.Length;
            if (!atEnd && (!IsConnector(chunk[k]) || (k > 0 && k + 1 < chunk.Length && IsWordChar(chunk[k - 1]) && IsWordChar(chunk[k + 1]))))
            {
                continue; // a connector between word characters joins pieces of one group ("sui-cide", "k!ll")
            }

            Emit(chunk[start..k], state);
            state.NewGroup();
            if (!atEnd)
            {
                if (chunk[k] is '.' or '!')
                {
                    state.EndSentence(question: false);
                }
                else
                {
                    state.EndClause();
                }
            }

            start = k + 1;
        }
    }

    private static void Emit(ReadOnlySpan<char> part, State state)
    {
        part = part.Trim("'*@$|");
        var start = 0;
        for (var k = 0; k <= part.Length; k++)
        {
            if (k < part.Length && !(IsConnector(part[k]) && part[k] != '!'))
            {
                continue;
            }

            var piece = part[start..k].Trim("'");
            if (!piece.IsEmpty)
            {
                state.Add(piece.ToString());
            }

            start = k + 1;
        }
    }

    private static bool IsShouting(string text)
    {
        int upper = 0, lower = 0;
        foreach (var c in text)
        {
            if (char.IsUpper(c))
            {
                upper++;
            }
            else if (char.IsLower(c))
            {
                lower++;
            }
        }

        return upper >= 6 && upper >= 2 * lower;
    }

    private sealed class State
    {
        private int _group;
        private int _sentence;
        private int _clause;
        private bool _sentenceHasPieces;

        public List<RawPiece> Pieces { get; } = [];

        public List<RawSentence> Sentences { get; } = [];

        public void Add(string text)
        {
            Pieces.Add(new RawPiece(text, _group, _sentence, _clause));
            _sentenceHasPieces = true;
        }

        public void NewGroup() => _group++;

        public void EndClause()
        {
            _clause++;
            _group++;
        }

        public void EndSentence(bool question)
        {
            if (!_sentenceHasPieces)
            {
                // "?!" or "..." after a sentence: let a late '?' still mark the previous sentence a question.
                if (question && Sentences.Count > 0 && Sentences.Count == _sentence)
                {
                    Sentences[^1] = Sentences[^1] with { EndsWithQuestionMark = true };
                }

                return;
            }

            Sentences.Add(new RawSentence(question, Terminated: true));
            _sentence++;
            _sentenceHasPieces = false;
            EndClause();
        }

        public void Finish()
        {
            if (_sentenceHasPieces)
            {
                Sentences.Add(new RawSentence(false, Terminated: false));
                _sentence++;
            }
        }
    }
}
