using System.Security.Cryptography;
using System.Text;

namespace Clinic.Knowledge.Indexing;

/// <summary>
/// The persisted vectors of an index. The chunks themselves are re-derived from the corpus at start (milliseconds);
/// the vectors are what is expensive. A trailing SHA-256 catches truncation and corruption.
/// </summary>
internal static class IndexFile
{
    private const int FormatVersion = 1;
    private static readonly byte[] Magic = "CLINICIX"u8.ToArray();

    public sealed record Contents(string Key, string ModelId, VectorMatrix Sentences, VectorMatrix Sections);

    public static void Write(string path, Contents contents)
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(path))!;
        Directory.CreateDirectory(folder);
        using var buffer = new MemoryStream();
        using (var writer = new BinaryWriter(buffer, Encoding.UTF8, leaveOpen: true))
        {
            writer.Write(Magic);
            writer.Write(FormatVersion);
            writer.Write(contents.Key);
            writer.Write(contents.ModelId);
            writer.Write(contents.Sentences.Dimensions);
            writer.Write(contents.Sentences.Count);
            writer.Write(contents.Sections.Count);
            WriteFloats(writer, contents.Sentences.Data);
            WriteFloats(writer, contents.Sections.Data);
        }
        var hash = SHA256.HashData(buffer.GetBuffer().AsSpan(0, (int)buffer.Length));
        buffer.Write(hash);
        // Write beside and move over, so a crash mid-write never leaves a half file under the real name.
        var temp = path + ".tmp";
        File.WriteAllBytes(temp, buffer.ToArray());
        File.Move(temp, path, overwrite: true);
    }

    /// <summary>Reads the file; throws <see cref="InvalidDataException"/> when it is truncated, corrupt or of another format.</summary>
    public static Contents Read(string path)
    {
        var bytes = File.ReadAllBytes(path);
        if (bytes.Length < Magic.Length + 32 || !bytes.AsSpan(0, Magic.Length).SequenceEqual(Magic))
            throw new InvalidDataException("not an index file");
        var body = bytes.AsSpan(0, bytes.Length - 32);
        if (!SHA256.HashData(body).AsSpan().SequenceEqual(bytes.AsSpan(bytes.Length - 32)))
            throw new InvalidDataException("checksum mismatch (truncated or corrupt)");
        using var reader = new BinaryReader(new MemoryStream(bytes, 0, body.Length), Encoding.UTF8);
        reader.ReadBytes(Magic.Length);
        if (reader.ReadInt32() != FormatVersion)
            throw new InvalidDataException("index format version differs");
        var key = reader.ReadString();
        var modelId = reader.ReadString();
        var dims = reader.ReadInt32();
        var sentenceCount = reader.ReadInt32();
        var sectionCount = reader.ReadInt32();
        if (dims <= 0 || sentenceCount < 0 || sectionCount < 0 || (long)dims * (sentenceCount + sectionCount) * 4 != body.Length - reader.BaseStream.Position)
            throw new InvalidDataException("index dimensions do not match its length");
        var sentences = ReadFloats(reader, dims * sentenceCount);
        var sections = ReadFloats(reader, dims * sectionCount);
        return new Contents(key, modelId, new VectorMatrix(sentences, dims), new VectorMatrix(sections, dims));
    }

    private static void WriteFloats(BinaryWriter writer, float[] data) =>
        writer.Write(System.Runtime.InteropServices.MemoryMarshal.AsBytes(data.AsSpan()));

    private static float[] ReadFloats(BinaryReader reader, int count)
    {
        var data = new float[count];
        var bytes = System.Runtime.InteropServices.MemoryMarshal.AsBytes(data.AsSpan());
        if (reader.Read(bytes) != bytes.Length)
            throw new InvalidDataException("index ends early");
        return data;
    }
}
