namespace Clinic.Bot.Protocol;

/// <summary>Why an inbound body is not a usable activity.</summary>
public enum ActivityParseError
{
    None,
    Empty,
    Malformed,
    WrongShape,
    TooDeep,
    MissingType,
}

/// <summary>The outcome of <see cref="ProtocolJson.ParseActivity"/>: an activity, or an error and a short reason safe to log.</summary>
public sealed record ActivityParseResult(Activity? Activity, ActivityParseError Error, string? Reason)
{
    public bool Succeeded => Error == ActivityParseError.None && Activity is not null;

    internal static ActivityParseResult Ok(Activity activity) => new(activity, ActivityParseError.None, null);

    internal static ActivityParseResult Fail(ActivityParseError error, string reason) => new(null, error, reason);
}
