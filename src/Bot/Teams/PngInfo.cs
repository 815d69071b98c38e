using System.Buffers.Binary;

namespace Clinic.Bot.Teams;

/// <summary>The facts Teams checks about an icon, read from the PNG chunk headers only.</summary>
internal sealed record PngInfo(long Width, long Height, bool HasTransparency)
{
    private static ReadOnlySpan<byte> Signature => [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    // PNG colour types 4 (grey + alpha) and 6 (RGBA) carry alpha; others need a tRNS chunk.
    private const byte GreyAlpha = 4;
    private const byte TrueColourAlpha = 6;

    /// <summary>Returns null when the file is not a PNG (bad signature or no leading IHDR).</summary>
    public static async Task<PngInfo?> ReadAsync(string path, CancellationToken ct)
    {
        await using var stream = new FileStream(
            path, FileMode.Open, FileAccess.Read, FileShare.Read, 4096, FileOptions.Asynchronous);

        // Signature (8) + IHDR chunk: length (4), type (4), data (13), CRC (4).
        var head = new byte[33];
        if (await stream.ReadAtLeastAsync(head, head.Length, throwOnEndOfStream: false, ct) < head.Length
            || !head.AsSpan(0, 8).SequenceEqual(Signature)
            || BinaryPrimitives.ReadUInt32BigEndian(head.AsSpan(8)) != 13
            || !head.AsSpan(12, 4).SequenceEqual("IHDR"u8))
        {
            return null;
        }

        var width = BinaryPrimitives.ReadUInt32BigEndian(head.AsSpan(16));
        var height = BinaryPrimitives.ReadUInt32BigEndian(head.AsSpan(20));
        var colourType = head[25];
        var transparent = colourType is GreyAlpha or TrueColourAlpha
            || await HasTransparencyChunkAsync(stream, ct);
        return new PngInfo(width, height, transparent);
    }

    // tRNS, when present, must come before the first IDAT; walk chunk headers until then.
    private static async Task<bool> HasTransparencyChunkAsync(FileStream stream, CancellationToken ct)
    {
        var chunkHeader = new byte[8];
        while (await stream.ReadAtLeastAsync(chunkHeader, 8, throwOnEndOfStream: false, ct) == 8)
        {
            var type = chunkHeader.AsSpan(4, 4);
            if (type.SequenceEqual("tRNS"u8))
            {
                return true;
            }

            if (type.SequenceEqual("IDAT"u8) || type.SequenceEqual("IEND"u8))
            {
                return false;
            }

            var length = BinaryPrimitives.ReadUInt32BigEndian(chunkHeader);
            stream.Seek(length + 4L, SeekOrigin.Current); // data + CRC
        }

        return false;
    }
}
