namespace Clinic.Knowledge.Embeddings;

/// <summary>
/// Lets one unit of work, such as a chat turn, embed the same text once. Inside <see cref="Begin"/>, the local
/// <see cref="UniversalSentenceEncoder"/> hands back the vector it already computed in the scope for the same token
/// ids, which is bit for bit what it would compute again (the encoder is deterministic, alone or in a batch). Safety
/// triage and retrieval usually embed the same message; without a scope every call computes. Nothing outlives the
/// scope, so no text or vector is kept between turns.
/// </summary>
public static class EmbeddingReuse
{
    private const int MaxVectors = 32; // a long message's sentences; beyond that, compute

    private static readonly AsyncLocal<Scope?> Current = new();

    /// <summary>Starts a scope for the current asynchronous flow (and what it calls); dispose it when the work is done.</summary>
    public static IDisposable Begin()
    {
        var scope = new Scope(Current.Value);
        Current.Value = scope;
        return scope;
    }

    /// <summary>The scope the caller runs in, or null.</summary>
    internal static Scope? Active => Current.Value is { Disposed: false } scope ? scope : null;

    internal sealed class Scope(Scope? outer) : IDisposable
    {
        private readonly List<(int[] Tokens, float[] Vector)> _vectors = [];

        public bool Disposed { get; private set; }

        /// <summary>Copies the vector for <paramref name="tokens"/> into <paramref name="destination"/> when the scope has it.</summary>
        public bool TryCopy(int[] tokens, Span<float> destination)
        {
            lock (_vectors)
            {
                foreach (var (known, vector) in _vectors)
                {
                    if (known.AsSpan().SequenceEqual(tokens))
                    {
                        vector.CopyTo(destination);
                        return true;
                    }
                }
            }
            return false;
        }

        public void Remember(int[] tokens, ReadOnlySpan<float> vector)
        {
            lock (_vectors)
            {
                if (_vectors.Count < MaxVectors)
                    _vectors.Add((tokens, vector.ToArray()));
            }
        }

        public void Dispose()
        {
            Disposed = true;
            if (Current.Value == this)
                Current.Value = outer;
            lock (_vectors)
                _vectors.Clear();
        }
    }
}
