namespace Clinic.Knowledge.Tests.Generation;

/// <summary>What the fake chat server answers to one request.</summary>
/// <param name="Content">The assistant message (JSON) or the text streamed in chunks (SSE).</param>
/// <param name="Status">The HTTP status; not 200 sends an OpenAI-style error body.</param>
/// <param name="RetryAfterSeconds">A Retry-After header, with 429.</param>
/// <param name="Delay">How long to wait before answering (the client may give up first).</param>
/// <param name="RawBody">A body sent as is instead of a well-formed completion (malformed JSON).</param>
public sealed record FakeReply(string Content = "", int Status = 200, int? RetryAfterSeconds = null, TimeSpan Delay = default, string? RawBody = null)
{
    public static FakeReply Text(string content) => new(content);

    public static FakeReply Error(int status, int? retryAfterSeconds = null) => new(Status: status, RetryAfterSeconds: retryAfterSeconds);

    public static FakeReply Slow(TimeSpan delay, string content = "Too late [1].") => new(content, Delay: delay);

    public static FakeReply Malformed() => new(RawBody: "{\"id\":\"chatcmpl-x\",\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":");
}
