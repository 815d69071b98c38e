namespace Clinic.Knowledge.Embeddings.Tokenization;

/// <summary>A trie over the code points of the vocabulary's pieces; a repeated piece keeps its last entry.</summary>
internal sealed class VocabularyTrie
{
    private readonly List<Node> _nodes = [new Node()];

    public void Insert(string piece, double score, int id)
    {
        var symbols = SentencePieceTokenizer.ToCodePoints(piece);
        var node = 0;
        foreach (var symbol in symbols)
        {
            var children = _nodes[node].Children ??= [];
            if (!children.TryGetValue(symbol, out var child))
            {
                child = _nodes.Count;
                _nodes.Add(new Node());
                children.Add(symbol, child);
            }

            node = child;
        }

        if (symbols.Length > 0)
        {
            var end = _nodes[node];
            end.IsEnd = true;
            end.Score = score;
            end.Id = id;
            end.Length = symbols.Length;
            MaxPieceLength = Math.Max(MaxPieceLength, symbols.Length);
        }
    }

    /// <summary>The length in code points of the longest piece: no match can be longer.</summary>
    public int MaxPieceLength { get; private set; }

    /// <summary>
    /// Writes every piece that is a prefix of <paramref name="symbols"/> from <paramref name="start"/>,
    /// shortest first, into <paramref name="matches"/> (at least <see cref="MaxPieceLength"/> long); returns the count.
    /// </summary>
    public int PrefixMatches(ReadOnlySpan<int> symbols, int start, Span<Match> matches)
    {
        var count = 0;
        var node = _nodes[0];
        for (var i = start; i < symbols.Length; i++)
        {
            if (node.Children is null || !node.Children.TryGetValue(symbols[i], out var child))
            {
                break;
            }

            node = _nodes[child];
            if (node.IsEnd)
            {
                matches[count++] = new Match(node.Length, node.Score, node.Id);
            }
        }

        return count;
    }

    public readonly record struct Match(int Length, double Score, int Id);

    private sealed class Node
    {
        public Dictionary<int, int>? Children;
        public bool IsEnd;
        public double Score;
        public int Id;
        public int Length;
    }
}
