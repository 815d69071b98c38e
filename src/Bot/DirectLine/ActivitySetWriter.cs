using System.Buffers;
using System.Globalization;
using System.Text.Json;

namespace Clinic.Bot.DirectLine;

/// <summary>Writes a Direct Line ActivitySet (<c>{"activities":[…],"watermark":"n"}</c>) from activities already serialized in the log.</summary>
internal static class ActivitySetWriter
{
    public static byte[] Write(IEnumerable<StoredActivity> activities, long watermark)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteStartArray("activities");
            foreach (var activity in activities)
            {
                writer.WriteRawValue(activity.Json.Span, skipInputValidation: true);
            }
            writer.WriteEndArray();
            writer.WriteString("watermark", watermark.ToString(CultureInfo.InvariantCulture));
            writer.WriteEndObject();
        }
        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>Parses a client's watermark: absent or empty means "from the start".</summary>
    public static bool TryParseWatermark(string? text, out long watermark)
    {
        watermark = 0;
        return string.IsNullOrEmpty(text)
            || (long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out watermark) && watermark >= 0);
    }
}
