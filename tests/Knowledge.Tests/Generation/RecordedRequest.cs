using System.Text.Json.Nodes;

namespace Clinic.Knowledge.Tests.Generation;

/// <summary>A request the fake chat server received.</summary>
public sealed record RecordedRequest(string Path, string? Authorization, JsonObject Body)
{
    /// <summary>The text of every message with <paramref name="role"/>, in order.</summary>
    public IEnumerable<string> Messages(string role) =>
        Body["messages"]!.AsArray().Where(m => m!["role"]!.GetValue<string>() == role).Select(m => Text(m!["content"]!));

    /// <summary>The user message (the data: passages and question).</summary>
    public string UserMessage => Messages("user").Single();

    /// <summary>The body of passage <paramref name="number"/> as the request carried it.</summary>
    public string Passage(int number)
    {
        var message = UserMessage;
        var start = message.IndexOf($"<passage id=\"{number}\"", StringComparison.Ordinal);
        start = message.IndexOf('>', start) + 1;
        return message[start..message.IndexOf("</passage>", start, StringComparison.Ordinal)];
    }

    /// <summary>The first sentence of passage <paramref name="number"/>: what a faithful model would say first.</summary>
    public string FirstSentence(int number)
    {
        var passage = Passage(number);
        var end = passage.IndexOf(". ", StringComparison.Ordinal);
        return end < 0 ? passage : passage[..(end + 1)];
    }

    // The wire format allows a string or an array of content parts.
    private static string Text(JsonNode content) => content is JsonValue
        ? content.GetValue<string>()
        : string.Concat(content.AsArray().Select(part => part!["text"]?.GetValue<string>() ?? ""));
}
