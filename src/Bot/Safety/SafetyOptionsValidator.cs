using Microsoft.Extensions.Options;

namespace Clinic.Bot.Safety;

/// <summary>Validates <see cref="SafetyOptions"/> at start-up, including that the terms file loads.</summary>
public sealed class SafetyOptionsValidator : IValidateOptions<SafetyOptions>
{
    public ValidateOptionsResult Validate(string? name, SafetyOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (string.IsNullOrWhiteSpace(options.DefaultRegion) || options.DefaultRegion.Length != 2 || !options.DefaultRegion.All(char.IsAsciiLetterUpper))
        {
            failures.Add($"Safety:DefaultRegion must be a two-letter upper-case region code such as 'US' (found '{options.DefaultRegion}').");
        }

        foreach (var (region, lines) in options.CrisisResources)
        {
            if (lines is null || lines.Count == 0 || lines.Any(string.IsNullOrWhiteSpace))
            {
                failures.Add($"Safety:CrisisResources:{region} must list at least one non-empty line.");
            }
        }

        if (options.ResourcesFor(options.DefaultRegion).Count == 0)
        {
            failures.Add("Safety:CrisisResources has no lines for the default region.");
        }

        Require(failures, options.CrisisMessage, nameof(options.CrisisMessage));
        Require(failures, options.EmergencyMessage, nameof(options.EmergencyMessage));
        Require(failures, options.ContraindicationNotice, nameof(options.ContraindicationNotice));
        Require(failures, options.InformationalFooter, nameof(options.InformationalFooter));

        try
        {
            SafetyTerms.Load(options.TermsPath);
        }
        catch (SafetyTermsException e)
        {
            failures.Add(e.Message);
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void Require(List<string> failures, string? value, string name)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            failures.Add($"Safety:{name} must not be empty.");
        }
    }
}
