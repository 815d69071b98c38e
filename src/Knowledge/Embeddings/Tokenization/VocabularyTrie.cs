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
        }
    }

    /// <summary>Every piece that is a prefix of <paramref name="symbols"/> from <paramref name="start"/>, shortest first.</summary>
    public IEnumerable<(int Length, double Score, int Id)> PrefixMatches(int[] symbols, int start)
    {
        var node = _nodes[0];
        for (var i = start; i < symbols.Length; i++)
        {
            if (node.Children is null || !node.Children.TryGetValue(symbols[i], out var child))
            {
                yield break;
            }

            node = _nodes[child];
            if (node.IsEnd)
            {
                yield return (node.Length, node.Score, node.Id);
            }
        }
    }

    private sealed class Node
    {
        public Dictionary<int, int>? Children;
        public bool IsEnd;
        public double Score;
        public int Id;
        public int Length;
    }
}
