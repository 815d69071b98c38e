namespace Clinic.Bot.Bot;

/// <summary>The synchronous answer to an invoke activity, returned as the HTTP response body.</summary>
public sealed record InvokeResponse(int Status, object? Body);
