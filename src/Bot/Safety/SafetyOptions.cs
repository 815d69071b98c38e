namespace Clinic.Bot.Safety;

/// <summary>Safety settings, bound from the "Safety" configuration section.</summary>
public sealed class SafetyOptions
{
    public const string SectionName = "Safety";

    /// <summary>Path of safety-terms.json; empty means <see cref="SafetyTerms.DefaultPath"/>.</summary>
    public string? TermsPath { get; set; }

    /// <summary>Consult the semantic crisis net when the rules find nothing (it can only raise a message to crisis).</summary>
    public bool SafetyNetEnabled { get; set; } = true;

    /// <summary>Path of crisis-net.json; empty means <see cref="CrisisSafetyNet.DefaultPath"/>.</summary>
    public string? SafetyNetPath { get; set; }

    /// <summary>ISO 3166 region used for phone numbers without a country code and for crisis resources.</summary>
    public string DefaultRegion { get; set; } = "US";

    /// <summary>Crisis resource lines per region. US defaults are added when the region is not configured.</summary>
    public Dictionary<string, List<string>> CrisisResources { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The clinic's after-hours line; empty when the clinic has none.</summary>
    public string ClinicAfterHoursLine { get; set; } = string.Empty;

    /// <summary>Opening of the crisis reply; the resources and follow-up lines are added by <see cref="SafetyMessages"/>.</summary>
    public string CrisisMessage { get; set; } =
        "I'm really sorry you're going through this, and I'm glad you told me. Your safety matters most right now.";

    /// <summary>Opening for a medical emergency (chest pain, trouble breathing, someone unresponsive).</summary>
    public string EmergencyMessage { get; set; } =
        "This sounds like it could be a medical emergency. Please call 911 now or go to the nearest emergency room.";

    public string ContraindicationNotice { get; set; } =
        "Thank you for telling us. This can affect whether ketamine treatment is safe for you, so please discuss this with our clinical team before treatment.";

    /// <summary>One line added to informational answers on safety topics.</summary>
    public string InformationalFooter { get; set; } =
        "If you are in crisis or thinking about harming yourself, call or text 988 (Suicide & Crisis Lifeline), or call 911 in an emergency.";

    public static IReadOnlyList<string> UsCrisisResources { get; } =
    [
        "Call or text 988 (Suicide & Crisis Lifeline)",
        "Call 911 for an emergency",
    ];

    /// <summary>The resource lines for a region, falling back to the default region.</summary>
    public IReadOnlyList<string> ResourcesFor(string? region)
    {
        if (!string.IsNullOrWhiteSpace(region) && CrisisResources.TryGetValue(region, out var lines) && lines.Count > 0)
        {
            return lines;
        }

        return CrisisResources.TryGetValue(DefaultRegion, out var fallback) && fallback.Count > 0 ? fallback : UsCrisisResources;
    }
}
