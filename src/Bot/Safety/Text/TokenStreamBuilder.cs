using System.Collections.Frozen;
using System.Globalization;
using Clinic.Bot.Safety.Matching;

namespace Clinic.Bot.Safety.Text;

/// <summary>
/// Builds the token stream of a message: rejoins split words ("sui-cide", "s u i c i d e", "my self") when the
/// result is a key term, then resolves every piece to canonical words.
/// </summary>
internal sealed class TokenStreamBuilder(WordResolver resolver, FrozenSet<string> patternBigrams)
{
    private const int MinLetterRun = 3;

    public TokenStream Build(string normalized)
    {
        var raw = Tokenizer.Split(normalized);
        var pieces = JoinGroups(raw.Pieces);
        pieces = JoinLetterRuns(pieces);
        pieces = JoinPairs(pieces);

        var tokens = new List<Token>(pieces.Count + 8);
        var words = new List<string>(4);
        foreach (var piece in pieces)
        {
            words.Clear();
            resolver.Resolve(piece.Text, acronymsAllowed: !raw.Shouting, words);
            foreach (var word in words)
            {
                tokens.Add(new Token(word, piece.Sentence, piece.Clause, NumberOf(word)));
            }
        }

        return Renumber(tokens, raw.Sentences);
    }

    private List<RawPiece> JoinGroups(List<RawPiece> pieces)
    {
        var result = new List<RawPiece>(pieces.Count);
        var i = 0;
        while (i < pieces.Count)
        {
            var j = i + 1;
            while (j < pieces.Count && pieces[j].Group == pieces[i].Group)
            {
                j++;
            }

            if (j - i > 1 && ShouldJoin(pieces, i, j))
            {
                result.Add(pieces[i] with { Text = string.Concat(pieces[i..j].Select(p => p.Text)) });
            }
            else
            {
                result.AddRange(pieces[i..j]);
            }

            i = j;
        }

        return result;
    }

    private bool ShouldJoin(List<RawPiece> pieces, int start, int end)
    {
        var group = pieces[start..end];
        if (group.Any(p => p.Text.All(char.IsAsciiDigit)))
        {
            return false;
        }

        var joined = string.Concat(group.Select(p => p.Text)).ToLowerInvariant();
        return !group.All(p => resolver.IsKnown(p.Text.ToLowerInvariant())) && resolver.ResolvesToTerm(joined);
    }

    private List<RawPiece> JoinLetterRuns(List<RawPiece> pieces)
    {
        var result = new List<RawPiece>(pieces.Count);
        var i = 0;
        while (i < pieces.Count)
        {
            var j = i;
            while (j < pieces.Count && IsSingleLetter(pieces[j]) && pieces[j].Sentence == pieces[i].Sentence)
            {
                j++;
            }

            if (j - i >= MinLetterRun && TryJoinRun(pieces, i, j, result))
            {
                i = j;
                continue;
            }

            result.Add(pieces[i]);
            i++;
        }

        return result;
    }

    // Tries the whole run, then without its first letter ("i k i l l"), then without its last.
    private bool TryJoinRun(List<RawPiece> pieces, int start, int end, List<RawPiece> result)
    {
        (int From, int To)[] options = [(start, end), (start + 1, end), (start, end - 1)];
        foreach (var (from, to) in options)
        {
            if (to - from < MinLetterRun)
            {
                continue;
            }

            var joined = string.Concat(pieces[from..to].Select(p => p.Text));
            if (resolver.ResolvesToTerm(joined))
            {
                result.AddRange(pieces[start..from]);
                result.Add(pieces[from] with { Text = joined });
                result.AddRange(pieces[to..end]);
                return true;
            }
        }

        return false;
    }

    // "my self" -> "myself", "over dose" -> "overdose": only when the pair is not itself a phrase of the terms file.
    private List<RawPiece> JoinPairs(List<RawPiece> pieces)
    {
        var result = new List<RawPiece>(pieces.Count);
        var i = 0;
        while (i < pieces.Count)
        {
            if (i + 1 < pieces.Count && pieces[i].Sentence == pieces[i + 1].Sentence)
            {
                var first = pieces[i].Text.ToLowerInvariant();
                var second = pieces[i + 1].Text.ToLowerInvariant();
                var joined = first + second;
                if (joined.Length >= 5
                    && first.All(char.IsAsciiLetterLower) && second.All(char.IsAsciiLetterLower)
                    && (resolver.IsVocabulary(joined) || resolver.IsAlias(joined))
                    && !patternBigrams.Contains(first + " " + second)
                    && !IsAliasOfPair(joined, first, second))
                {
                    result.Add(pieces[i] with { Text = joined });
                    i += 2;
                    continue;
                }
            }

            result.Add(pieces[i]);
            i++;
        }

        return result;
    }

    private bool IsAliasOfPair(string joined, string first, string second) =>
        resolver.AliasOf(joined) is [var a, var b] && a == first && b == second;

    private static bool IsSingleLetter(RawPiece piece) => piece.Text.Length == 1 && char.IsAsciiLetter(piece.Text[0]);

    private static int NumberOf(string word)
    {
        if (word.Length == 0 || word.Length > 9 || !word.All(char.IsAsciiDigit))
        {
            return -1;
        }

        return int.Parse(word, NumberStyles.None, CultureInfo.InvariantCulture);
    }

    private static TokenStream Renumber(List<Token> tokens, List<RawSentence> rawSentences)
    {
        var sentences = new List<SentenceSpan>();
        var renumbered = new Token[tokens.Count];
        var i = 0;
        while (i < tokens.Count)
        {
            var j = i;
            while (j < tokens.Count && tokens[j].Sentence == tokens[i].Sentence)
            {
                renumbered[j] = tokens[j] with { Sentence = sentences.Count };
                j++;
            }

            var raw = tokens[i].Sentence < rawSentences.Count ? rawSentences[tokens[i].Sentence] : new RawSentence(false, false);
            sentences.Add(new SentenceSpan(i, j, raw.EndsWithQuestionMark, raw.Terminated));
            i = j;
        }

        return new TokenStream(renumbered, [.. sentences]);
    }
}
