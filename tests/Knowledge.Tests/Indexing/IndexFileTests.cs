using Clinic.Knowledge.Indexing;

namespace Clinic.Knowledge.Tests.Indexing;

public sealed class IndexFileTests : IDisposable
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"idx-{Guid.NewGuid():N}.index");

    public void Dispose() => File.Delete(_path);

    private static IndexFile.Contents Sample() =>
        new("key-1", "model-x", new VectorMatrix([1, 0, 0, 1, 0.6f, 0.8f], 2), new VectorMatrix([0, 1], 2));

    [Fact]
    public void RoundTripsVectorsAndKeys()
    {
        IndexFile.Write(_path, Sample());
        var read = IndexFile.Read(_path);
        Assert.Equal("key-1", read.Key);
        Assert.Equal("model-x", read.ModelId);
        Assert.Equal(Sample().Sentences.Data, read.Sentences.Data);
        Assert.Equal(Sample().Sections.Data, read.Sections.Data);
    }

    [Fact]
    public void RejectsATruncatedFile()
    {
        IndexFile.Write(_path, Sample());
        var bytes = File.ReadAllBytes(_path);
        File.WriteAllBytes(_path, bytes[..^10]);
        Assert.Throws<InvalidDataException>(() => IndexFile.Read(_path));
    }

    [Fact]
    public void RejectsAFlippedByte()
    {
        IndexFile.Write(_path, Sample());
        var bytes = File.ReadAllBytes(_path);
        bytes[bytes.Length / 2] ^= 0xFF;
        File.WriteAllBytes(_path, bytes);
        Assert.Throws<InvalidDataException>(() => IndexFile.Read(_path));
    }

    [Fact]
    public void RejectsAFileOfAnotherKind()
    {
        File.WriteAllText(_path, "hello, I am not an index");
        Assert.Throws<InvalidDataException>(() => IndexFile.Read(_path));
    }

    [Fact]
    public void LeavesNoTemporaryFileBehind()
    {
        IndexFile.Write(_path, Sample());
        Assert.False(File.Exists(_path + ".tmp"));
    }
}
