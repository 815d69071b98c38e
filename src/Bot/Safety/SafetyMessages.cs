using System.Text;
using Microsoft.Extensions.Options;

namespace Clinic.Bot.Safety;

/// <summary>
/// Composes the replies that follow triage, after safe-messaging guidance: acknowledge, give resources and 911,
/// say staff were alerted, stay available. Never mentions methods or means.
/// </summary>
public sealed class SafetyMessages(IOptions<SafetyOptions> options)
{
    private const string MedicalRulePrefix = "crisis.medical";
    private readonly SafetyOptions _options = options.Value;

    /// <summary>The reply to a crisis; a medical emergency leads with 911.</summary>
    public string CrisisReply(TriageResult result, string? region = null)
    {
        ArgumentNullException.ThrowIfNull(result);
        var medicalOnly = result.Reasons.Count > 0
            && result.Reasons.Where(r => r.StartsWith("crisis.", StringComparison.Ordinal)).All(r => r.StartsWith(MedicalRulePrefix, StringComparison.Ordinal));
        var text = new StringBuilder();
        text.AppendLine(medicalOnly ? _options.EmergencyMessage : _options.CrisisMessage);
        text.AppendLine();
        foreach (var line in _options.ResourcesFor(region ?? _options.DefaultRegion))
        {
            text.Append("• ").AppendLine(line);
        }

        if (!string.IsNullOrWhiteSpace(_options.ClinicAfterHoursLine))
        {
            text.Append("• Our clinic's after-hours line: ").AppendLine(_options.ClinicAfterHoursLine);
        }

        text.AppendLine();
        text.AppendLine("A member of our staff has been alerted.");
        text.Append("I'm still here if you want to keep talking.");
        return text.ToString();
    }

    /// <summary>The notice added when a contraindication was disclosed.</summary>
    public string ContraindicationNotice() => _options.ContraindicationNotice;

    /// <summary>The one-line footer for informational answers on safety topics.</summary>
    public string InformationalFooter() => _options.InformationalFooter;
}
