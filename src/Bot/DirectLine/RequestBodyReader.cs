using System.Buffers;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Features;

namespace Clinic.Bot.DirectLine;

/// <summary>Reads a JSON request body of bounded size; every way it can be wrong becomes an error response, never an exception.</summary>
internal static class RequestBodyReader
{
    public sealed record Result<T>(T? Value, IResult? Error, bool IsEmpty);

    public static async Task<Result<T>> ReadJsonAsync<T>(HttpRequest request, int maxBytes, CancellationToken cancellationToken)
        where T : class
    {
        if (request.ContentLength > maxBytes)
        {
            return new(null, DirectLineErrors.TooLarge(maxBytes), false);
        }
        // Our own limit is lower than Kestrel's; lifting Kestrel's lets us answer with our message instead of a bare 413.
        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } sizeFeature)
        {
            sizeFeature.MaxRequestBodySize = null;
        }

        // A declared length sizes the buffer (plus the byte that lets the last read say "end"); otherwise it grows as needed.
        var buffer = new ArrayBufferWriter<byte>(request.ContentLength is { } length ? (int)length + 1 : Math.Min(maxBytes + 1, 16 * 1024));
        try
        {
            while (true)
            {
                var memory = buffer.GetMemory();
                var read = await request.Body.ReadAsync(memory, cancellationToken);
                if (read == 0)
                {
                    break;
                }
                buffer.Advance(read);
                if (buffer.WrittenCount > maxBytes)
                {
                    return new(null, DirectLineErrors.TooLarge(maxBytes), false);
                }
            }
        }
        catch (BadHttpRequestException ex)
        {
            return new(null, DirectLineErrors.BadArgument("The request body could not be read: " + ex.Message), false);
        }

        if (buffer.WrittenCount == 0)
        {
            return new(null, null, true);
        }
        // The JSON reader checks UTF-8 only in values it decodes; a bad byte in a field name it keeps verbatim would slip through.
        if (!System.Text.Unicode.Utf8.IsValid(buffer.WrittenSpan))
        {
            return new(null, DirectLineErrors.BadArgument("The request body is not valid UTF-8."), false);
        }
        try
        {
            var value = JsonSerializer.Deserialize<T>(buffer.WrittenSpan, DirectLineJson.Options);
            return value is null
                ? new(null, DirectLineErrors.BadArgument("The request body must be a JSON object."), false)
                : new(value, null, false);
        }
        catch (JsonException ex)
        {
            // JsonException messages name the path and position, never echo the payload.
            return new(null, DirectLineErrors.BadArgument("The request body is not valid JSON for this request: " + ex.Message), false);
        }
    }
}
