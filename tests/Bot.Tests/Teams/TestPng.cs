using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace Clinic.Bot.Tests.Teams;

/// <summary>Writes small but complete PNG files (real chunks, CRCs and zlib data) for icon checks.</summary>
internal static class TestPng
{
    public const byte Rgb = 2;
    public const byte Palette = 3;
    public const byte Rgba = 6;

    public static byte[] Create(int width, int height, byte colourType, bool withTransparencyChunk = false)
    {
        var bytesPerPixel = colourType switch { Rgb => 3, Palette => 1, Rgba => 4, _ => throw new ArgumentOutOfRangeException(nameof(colourType)) };
        using var png = new MemoryStream();
        png.Write([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]);

        var ihdr = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(ihdr, width);
        BinaryPrimitives.WriteInt32BigEndian(ihdr.AsSpan(4), height);
        ihdr[8] = 8; // bit depth
        ihdr[9] = colourType;
        WriteChunk(png, "IHDR", ihdr);

        if (colourType == Palette)
        {
            WriteChunk(png, "PLTE", [0xFF, 0xFF, 0xFF]);
        }

        if (withTransparencyChunk)
        {
            WriteChunk(png, "tRNS", [0x00]);
        }

        // Each scanline: filter byte 0, then zeroed pixels.
        var raw = new byte[height * (1 + width * bytesPerPixel)];
        using var compressed = new MemoryStream();
        using (var zlib = new ZLibStream(compressed, CompressionLevel.Optimal, leaveOpen: true))
        {
            zlib.Write(raw);
        }

        WriteChunk(png, "IDAT", compressed.ToArray());
        WriteChunk(png, "IEND", []);
        return png.ToArray();
    }

    private static void WriteChunk(Stream png, string type, byte[] data)
    {
        var header = new byte[8];
        BinaryPrimitives.WriteInt32BigEndian(header, data.Length);
        Encoding.ASCII.GetBytes(type, header.AsSpan(4));
        png.Write(header);
        png.Write(data);
        var crc = new byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(crc, Crc32([.. header.AsSpan(4).ToArray(), .. data]));
        png.Write(crc);
    }

    // The PNG CRC (ISO 3309 / zlib polynomial) over chunk type and data.
    private static uint Crc32(byte[] bytes)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in bytes)
        {
            crc ^= b;
            for (var bit = 0; bit < 8; bit++)
            {
                crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB88320u : crc >> 1;
            }
        }

        return ~crc;
    }
}
