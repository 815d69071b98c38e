using Clinic.Knowledge.Embeddings;

namespace Clinic.Knowledge.Tests.Embeddings;

public sealed class ModelLoadingTests : IDisposable
{
    private readonly string _copy = Directory.CreateTempSubdirectory("use-lite-test-").FullName;

    public ModelLoadingTests()
    {
        foreach (var file in Directory.GetFiles(UniversalSentenceEncoder.DefaultModelDirectory))
        {
            File.Copy(file, Path.Combine(_copy, Path.GetFileName(file)));
        }
    }

    [Fact]
    public void LoadsFromTheFolderTheBuildFills()
    {
        using var encoder = new UniversalSentenceEncoder();

        Assert.Equal(Path.GetFullPath(UniversalSentenceEncoder.DefaultModelDirectory), encoder.ModelDirectory);
    }

    [Fact]
    public void LoadsFromAnExplicitFolder()
    {
        using var encoder = new UniversalSentenceEncoder(_copy);

        Assert.Equal(512, encoder.Embed("hello").Length);
    }

    [Fact]
    public void RefusesWorkAfterDisposal()
    {
        var encoder = new UniversalSentenceEncoder(_copy);
        encoder.Dispose();

        Assert.Throws<ObjectDisposedException>(() => encoder.Embed("hello"));
        Assert.Throws<ObjectDisposedException>(() => encoder.Embed(["hello"]));
    }

    [Fact]
    public void ExplainsHowToFixAMissingFolder()
    {
        var error = Assert.Throws<InvalidOperationException>(() => new UniversalSentenceEncoder(Path.Combine(_copy, "nope")));

        Assert.Contains("does not exist", error.Message);
        Assert.Contains("npm ci", error.Message);
    }

    [Theory]
    [InlineData("model.json")]
    [InlineData("vocab.json")]
    [InlineData("group1-shard4of7")]
    public void ExplainsWhichFileIsMissing(string file)
    {
        File.Delete(Path.Combine(_copy, file));

        var error = Assert.Throws<InvalidOperationException>(() => new UniversalSentenceEncoder(_copy));

        Assert.Contains(file, error.Message);
        Assert.Contains("npm ci", error.Message);
    }

    [Fact]
    public void RejectsAWeightShardWithAFlippedByte()
    {
        var shard = Path.Combine(_copy, "group1-shard2of7");
        var bytes = File.ReadAllBytes(shard);
        bytes[12345] ^= 0x40;
        File.WriteAllBytes(shard, bytes);

        var error = Assert.Throws<InvalidOperationException>(() => new UniversalSentenceEncoder(_copy));

        Assert.Contains("SHA-256", error.Message);
    }

    [Fact]
    public void RejectsATruncatedWeightShard()
    {
        var shard = Path.Combine(_copy, "group1-shard7of7");
        File.WriteAllBytes(shard, File.ReadAllBytes(shard)[..1000]);

        var error = Assert.Throws<InvalidOperationException>(() => new UniversalSentenceEncoder(_copy));

        Assert.Contains("end before weight", error.Message);
    }

    [Fact]
    public void RejectsAnEditedVocabulary()
    {
        var vocab = Path.Combine(_copy, "vocab.json");
        File.WriteAllText(vocab, File.ReadAllText(vocab).Replace("\"▁the\"", "\"▁teh\"", StringComparison.Ordinal));

        var error = Assert.Throws<InvalidOperationException>(() => new UniversalSentenceEncoder(_copy));

        Assert.Contains("vocab.json", error.Message);
    }

    [Fact]
    public void RejectsAManifestThatIsNotJson()
    {
        File.WriteAllText(Path.Combine(_copy, "model.json"), "{ not json");

        var error = Assert.Throws<InvalidOperationException>(() => new UniversalSentenceEncoder(_copy));

        Assert.Contains("missing or corrupt", error.Message);
    }

    public void Dispose() => Directory.Delete(_copy, recursive: true);
}
