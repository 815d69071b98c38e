using Clinic.Knowledge.Embeddings;

namespace Clinic.Knowledge.Tests.Embeddings;

/// <summary>One encoder, loaded from the model files the build copied next to the tests, shared by a class's tests.</summary>
public sealed class EncoderFixture : IDisposable
{
    public UniversalSentenceEncoder Encoder { get; } = new();

    public void Dispose() => Encoder.Dispose();
}
