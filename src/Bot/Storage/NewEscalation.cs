namespace Clinic.Bot.Storage;

/// <summary>An escalation raised during a turn; stored as open, with one pending delivery per configured sink.</summary>
/// <param name="Id">Chosen by the caller so the reply can mention it.</param>
/// <param name="Kind">See <see cref="EscalationKinds"/>; any string is accepted.</param>
/// <param name="Priority">Higher is more urgent; claims and staff lists take higher priorities first.</param>
/// <param name="ContactJson">How the visitor asked to be reached, if they said; null otherwise.</param>
public sealed record NewEscalation(
    string Id,
    string Kind,
    int Priority,
    string ReasonsJson,
    string TriggeringText,
    string TranscriptExcerpt,
    string? ContactJson);
