using System.IO.Compression;
using System.Security.Cryptography;
using Microsoft.Net.Http.Headers;

namespace Clinic.Bot.Web;

/// <summary>
/// Serves the 3.9 MB Web Chat bundle compressed (about a quarter of the size with Brotli or gzip), which matters on a
/// phone. Compressed once, on first request, and kept in memory; revalidated with an ETag.
/// </summary>
internal sealed class WebChatBundle(string path)
{
    private readonly Lazy<Variants?> _variants = new(() => Load(path));

    public const string RequestPath = "/lib/webchat.js";

    public IResult Serve(HttpContext context)
    {
        if (_variants.Value is not { } variants)
        {
            return Results.NotFound();
        }
        var request = context.Request;
        var headers = context.Response.Headers;
        headers.CacheControl = "no-cache";
        headers.XContentTypeOptions = "nosniff";
        headers.Vary = "Accept-Encoding";
        headers.ETag = variants.ETag;
        if (request.Headers.IfNoneMatch.ToString() == variants.ETag)
        {
            return Results.StatusCode(StatusCodes.Status304NotModified);
        }
        var accepted = request.Headers.AcceptEncoding.ToString();
        var (body, encoding) = Accepts(accepted, "br") ? (variants.Brotli, "br")
            : Accepts(accepted, "gzip") ? (variants.Gzip, "gzip")
            : (variants.Identity, null);
        if (encoding is not null)
        {
            headers.ContentEncoding = encoding;
        }
        return Results.Bytes(body, "text/javascript; charset=utf-8");
    }

    private static bool Accepts(string acceptEncoding, string coding) =>
        acceptEncoding.Split(',').Select(part => part.Split(';')[0].Trim())
            .Any(token => token.Equals(coding, StringComparison.OrdinalIgnoreCase))
        && !acceptEncoding.Contains(coding + ";q=0", StringComparison.OrdinalIgnoreCase);

    private static Variants? Load(string path)
    {
        if (!File.Exists(path))
        {
            return null;
        }
        var identity = File.ReadAllBytes(path);
        var etag = new EntityTagHeaderValue("\"" + Convert.ToHexStringLower(SHA256.HashData(identity))[..16] + "\"").ToString();
        return new Variants(identity, Compress(identity, s => new BrotliStream(s, CompressionLevel.Optimal)),
            Compress(identity, s => new GZipStream(s, CompressionLevel.Optimal)), etag);
    }

    private static byte[] Compress(byte[] data, Func<Stream, Stream> wrap)
    {
        using var output = new MemoryStream();
        using (var compressor = wrap(output))
        {
            compressor.Write(data);
        }
        return output.ToArray();
    }

    private sealed record Variants(byte[] Identity, byte[] Brotli, byte[] Gzip, string ETag);
}
