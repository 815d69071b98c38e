using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using System.Text.Unicode;

namespace Clinic.Bot.Protocol;

/// <summary>JSON settings for the Bot Framework wire format, and a parser that never throws on bad input.</summary>
public static class ProtocolJson
{
    /// <summary>Deepest nesting accepted in an inbound activity.</summary>
    public const int MaxDepth = 64;

    /// <summary>camelCase, nulls left out on write, case-insensitive read, duplicate fields rejected, depth 64. Read-only.</summary>
    public static JsonSerializerOptions Options { get; } = CreateOptions();

    /// <summary>Parses one activity from UTF-8 JSON. Bad input gives a failed result, never an exception.</summary>
    public static ActivityParseResult ParseActivity(ReadOnlySpan<byte> utf8Json)
    {
        if (utf8Json.IsEmpty)
        {
            return ActivityParseResult.Fail(ActivityParseError.Empty, "The body is empty.");
        }

        // The reader checks UTF-8 only in values it decodes; a bad byte in a field name it keeps verbatim would slip through.
        if (!Utf8.IsValid(utf8Json))
        {
            return ActivityParseResult.Fail(ActivityParseError.Malformed, "The body is not valid UTF-8.");
        }

        var shapeError = Scan(utf8Json);
        if (shapeError is not null)
        {
            return shapeError;
        }

        Activity? activity;
        try
        {
            activity = JsonSerializer.Deserialize<Activity>(utf8Json, Options);
        }
        catch (JsonException)
        {
            // Syntax was checked by Scan, so this is a field of the wrong type or a duplicate field.
            return ActivityParseResult.Fail(ActivityParseError.WrongShape, "A field has the wrong type or appears twice.");
        }

        if (activity is null)
        {
            return ActivityParseResult.Fail(ActivityParseError.WrongShape, "The body is not a JSON object.");
        }

        if (string.IsNullOrWhiteSpace(activity.Type))
        {
            return ActivityParseResult.Fail(ActivityParseError.MissingType, "The activity has no type.");
        }

        return ActivityParseResult.Ok(activity);
    }

    /// <summary>Serializes an activity (or any protocol object) to UTF-8 JSON with <see cref="Options"/>.</summary>
    public static byte[] Serialize<T>(T value) => JsonSerializer.SerializeToUtf8Bytes(value, Options);

    // One pass with the raw reader tells "not JSON" and "too deep" apart from "wrong shape",
    // which the serializer alone reports as the same JsonException.
    private static ActivityParseResult? Scan(ReadOnlySpan<byte> utf8Json)
    {
        var reader = new Utf8JsonReader(utf8Json, new JsonReaderOptions { MaxDepth = MaxDepth * 4 });
        try
        {
            if (!reader.Read())
            {
                return ActivityParseResult.Fail(ActivityParseError.Malformed, "The body is not JSON.");
            }

            if (reader.TokenType != JsonTokenType.StartObject)
            {
                return ActivityParseResult.Fail(ActivityParseError.WrongShape, "The body is not a JSON object.");
            }

            while (reader.Read())
            {
                if (reader.CurrentDepth >= MaxDepth)
                {
                    return ActivityParseResult.Fail(ActivityParseError.TooDeep, $"The JSON is nested deeper than {MaxDepth} levels.");
                }
            }

            return null;
        }
        catch (JsonException)
        {
            return reader.CurrentDepth >= MaxDepth
                ? ActivityParseResult.Fail(ActivityParseError.TooDeep, $"The JSON is nested deeper than {MaxDepth} levels.")
                : ActivityParseResult.Fail(ActivityParseError.Malformed, "The body is not valid JSON.");
        }
    }

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions
        {
            PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
            PropertyNameCaseInsensitive = true,
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            MaxDepth = MaxDepth,
            AllowDuplicateProperties = false,
            TypeInfoResolver = new DefaultJsonTypeInfoResolver(),
        };
        options.MakeReadOnly();
        return options;
    }
}
