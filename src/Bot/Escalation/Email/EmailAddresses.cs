namespace Clinic.Bot.Escalation.Email;

internal static class EmailAddresses
{
    public static IReadOnlyList<string> Split(string? list) =>
        (list ?? "").Split([',', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
