using Clinic.Knowledge.Embeddings.Compute;

namespace Clinic.Knowledge.Embeddings.Model;

/// <summary>
/// Scratch memory for one forward pass: one caller at a time owns it (the encoder pools them), and it
/// only grows, so steady-state embedding allocates nothing here.
/// </summary>
internal sealed class Workspace
{
    private int _rows = -1;
    private int _sentences = -1;

    public AlignedBuffer Input { get; private set; } = null!;      // rows × 256: embeddings + timing signal
    public AlignedBuffer Normalized { get; private set; } = null!; // rows × 512: layer-norm output
    public AlignedBuffer Hidden { get; private set; } = null!;     // rows × 512: the residual stream
    public AlignedBuffer Qkv { get; private set; } = null!;        // rows × 1536
    public AlignedBuffer Attention { get; private set; } = null!;  // rows × 512: heads combined
    public AlignedBuffer Projected { get; private set; } = null!;  // rows × 512
    public AlignedBuffer FeedForward { get; private set; } = null!; // rows × 1536
    public AlignedBuffer Pooled { get; private set; } = null!;     // sentences × 512
    public AlignedBuffer Encoded { get; private set; } = null!;    // sentences × 512
    public float[] Scores { get; } = new float[UseLiteNetwork.MaxTokens];
    public float[] Query { get; } = new float[UseLiteNetwork.Width];

    public void Ensure(int rows, int sentences)
    {
        if (rows > _rows)
        {
            _rows = Math.Max(rows, 2 * Math.Max(_rows, 0));
            Input = new AlignedBuffer(_rows * UseLiteNetwork.EmbeddingWidth);
            Normalized = new AlignedBuffer(_rows * UseLiteNetwork.Width);
            Hidden = new AlignedBuffer(_rows * UseLiteNetwork.Width);
            Qkv = new AlignedBuffer(_rows * 3 * UseLiteNetwork.Width);
            Attention = new AlignedBuffer(_rows * UseLiteNetwork.Width);
            Projected = new AlignedBuffer(_rows * UseLiteNetwork.Width);
            FeedForward = new AlignedBuffer(_rows * UseLiteNetwork.FeedForwardWidth);
        }

        if (sentences > _sentences)
        {
            _sentences = Math.Max(sentences, 2 * Math.Max(_sentences, 0));
            Pooled = new AlignedBuffer(_sentences * UseLiteNetwork.Width);
            Encoded = new AlignedBuffer(_sentences * UseLiteNetwork.Width);
        }
    }
}
