using System.Buffers;
using System.Globalization;
using System.Text.Json;

namespace Clinic.Bot.DirectLine;

/// <summary>Writes a Direct Line ActivitySet (<c>{"activities":[…],"watermark":"n"}</c>) from activities already serialized in the log.</summary>
internal static class ActivitySetWriter
{
    public static ReadOnlyMemory<byte> Write(IReadOnlyCollection<StoredActivity> activities, long watermark)
    {
        // Sized for the whole set up front: growing the writer and copying out the result were a tenth of a turn's garbage.
        var buffer = new ArrayBufferWriter<byte>(activities.Sum(a => a.Json.Length + 1) + 64);
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
        return buffer.WrittenMemory;
    }

    /// <summary>Parses a client's watermark: absent or empty means "from the start".</summary>
    public static bool TryParseWatermark(string? text, out long watermark)
    {
        watermark = 0;
        return string.IsNullOrEmpty(text)
            || (long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out watermark) && watermark >= 0);
    }
}
