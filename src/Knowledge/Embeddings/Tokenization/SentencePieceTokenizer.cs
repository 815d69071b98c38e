using System.Buffers;

namespace Clinic.Knowledge.Embeddings.Tokenization;

/// <summary>
/// The SentencePiece unigram tokenizer exactly as <c>@energetic-ai/embeddings</c> 0.2.0 implements it
/// (lib/tokenizer.ts), quirks included, because the model was exported with that runtime: NFKC, a '▁'
/// prefix and '▁' for every ASCII space, a Viterbi pass whose tie-break keeps the later candidate and
/// which overwrites an unreached (zero) score, a back-track that steps by a piece's UTF-16 length, and
/// runs of unknown pieces merged into one.
/// </summary>
internal sealed class SentencePieceTokenizer
{
    private const char Separator = '\u2581';
    private const int ReservedSymbols = 6;

    private readonly VocabularyTrie _trie;
    private readonly int[] _pieceUtf16Lengths;

    public SentencePieceTokenizer(IReadOnlyList<(string Piece, double Score)> vocabulary)
    {
        _trie = new VocabularyTrie();
        _pieceUtf16Lengths = new int[vocabulary.Count];
        for (var i = 0; i < vocabulary.Count; i++)
        {
            _pieceUtf16Lengths[i] = vocabulary[i].Piece.Length;
            if (i >= ReservedSymbols)
            {
                _trie.Insert(vocabulary[i].Piece, vocabulary[i].Score, i);
            }
        }
    }

    public int VocabularySize => _pieceUtf16Lengths.Length;

    public int[] Encode(string text)
    {
        var normalized = Nfkc.Normalize(text);
        if (normalized.Length == 0)
        {
            return [];
        }

        var symbols = ToCodePoints(Separator + normalized.Replace(' ', Separator));
        var n = symbols.Length;
        var best = ArrayPool<double>.Shared.Rent(n + 1);
        var words = ArrayPool<int>.Shared.Rent(n + 1);
        try
        {
            Array.Clear(best, 0, n + 1);
            Array.Clear(words, 0, n + 1);

            // Forward relaxation in ascending start order visits each end position's candidates in the
            // same order as the reference's per-end loop, so its order-dependent tie-break carries over.
            Span<VocabularyTrie.Match> matches = stackalloc VocabularyTrie.Match[_trie.MaxPieceLength];
            for (var start = 0; start < n; start++)
            {
                var count = _trie.PrefixMatches(symbols, start, matches);
                foreach (var (length, score, id) in matches[..count])
                {
                    Relax(best, words, start, start + length, score, id);
                }

                if (count == 0)
                {
                    Relax(best, words, start, start + 1, 0, 0); // unknown symbol
                }
            }

            return BackTrack(words, n);
        }
        finally
        {
            ArrayPool<double>.Shared.Return(best);
            ArrayPool<int>.Shared.Return(words);
        }
    }

    private static void Relax(double[] best, int[] words, int start, int end, double pieceScore, int id)
    {
        var score = pieceScore + best[start];
        if (best[end] == 0 || score >= best[end])
        {
            best[end] = score;
            words[end] = id;
        }
    }

    private int[] BackTrack(int[] words, int n)
    {
        var reversed = new List<int>();
        for (var at = n; at > 0; at -= _pieceUtf16Lengths[words[at]])
        {
            reversed.Add(words[at]);
        }

        var merged = new List<int>(reversed.Count);
        var previousUnknown = false;
        foreach (var id in reversed)
        {
            if (!(previousUnknown && id == 0))
            {
                merged.Add(id);
            }

            previousUnknown = id == 0;
        }

        merged.Reverse();
        return [.. merged];
    }

    // JavaScript's for...of over a string: code points, with unpaired surrogates as their own symbols.
    internal static int[] ToCodePoints(string s)
    {
        var result = new List<int>(s.Length);
        for (var i = 0; i < s.Length; i++)
        {
            if (char.IsHighSurrogate(s[i]) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1]))
            {
                result.Add(char.ConvertToUtf32(s[i], s[i + 1]));
                i++;
            }
            else
            {
                result.Add(s[i]);
            }
        }

        return [.. result];
    }
}
