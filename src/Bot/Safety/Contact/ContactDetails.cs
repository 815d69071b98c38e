namespace Clinic.Bot.Safety.Contact;

/// <summary>Contact details a visitor gave for the consented call-back: phone in E.164, email as typed.</summary>
public sealed record ContactDetails(string? Phone, string? Email)
{
    public static ContactDetails None { get; } = new(null, null);

    public bool IsEmpty => Phone is null && Email is null;
}
