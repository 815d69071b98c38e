using System.Globalization;
using Microsoft.Extensions.Options;

namespace Clinic.Bot.Web;

internal sealed class WebChatOptionsValidator : IValidateOptions<WebChatOptions>
{
    public const int MaxSuggestedQuestions = 4;
    private const double MinimumContrast = 4.5;

    public ValidateOptionsResult Validate(string? name, WebChatOptions options)
    {
        var failures = new List<string>();
        if (string.IsNullOrWhiteSpace(options.ClinicName) || options.ClinicName.Length > 80)
        {
            failures.Add("Web:ClinicName must be 1 to 80 characters.");
        }
        if (TryParseColor(options.AccentColor) is not { } accent)
        {
            failures.Add($"Web:AccentColor must be a colour like #1F6F78 (got '{options.AccentColor}').");
        }
        else if (ContrastWithWhite(accent) is var contrast && contrast < MinimumContrast)
        {
            failures.Add($"Web:AccentColor {options.AccentColor} has a contrast of {contrast:0.0}:1 with white text; " +
                $"it needs at least {MinimumContrast}:1 to be readable (WCAG AA). Choose a darker colour.");
        }
        if (string.IsNullOrWhiteSpace(options.WelcomeMessage) || options.WelcomeMessage.Length > 1000)
        {
            failures.Add("Web:WelcomeMessage must be 1 to 1000 characters.");
        }
        var questions = options.SuggestedQuestions ?? [];
        if (questions.Length > MaxSuggestedQuestions)
        {
            failures.Add($"Web:SuggestedQuestions may hold at most {MaxSuggestedQuestions} questions.");
        }
        if (questions.Any(q => string.IsNullOrWhiteSpace(q) || q.Length > 200))
        {
            failures.Add("Each of Web:SuggestedQuestions must be 1 to 200 characters.");
        }
        if (options.CrisisNotice is { Length: > 300 })
        {
            failures.Add("Web:CrisisNotice must be at most 300 characters.");
        }
        if (!IsKnownCulture(options.Locale))
        {
            failures.Add($"Web:Locale '{options.Locale}' is not a language tag such as en-US.");
        }
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    public static (int R, int G, int B)? TryParseColor(string? text) =>
        text is { Length: 7 } && text[0] == '#' && int.TryParse(text.AsSpan(1), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var rgb)
            ? ((rgb >> 16) & 0xFF, (rgb >> 8) & 0xFF, rgb & 0xFF)
            : null;

    /// <summary>WCAG 2 contrast ratio between the colour and white.</summary>
    public static double ContrastWithWhite((int R, int G, int B) color)
    {
        static double Channel(int value)
        {
            var c = value / 255.0;
            return c <= 0.03928 ? c / 12.92 : Math.Pow((c + 0.055) / 1.055, 2.4);
        }
        var luminance = 0.2126 * Channel(color.R) + 0.7152 * Channel(color.G) + 0.0722 * Channel(color.B);
        return 1.05 / (luminance + 0.05);
    }

    private static bool IsKnownCulture(string? locale)
    {
        // The app runs with invariant globalization, so only the shape of the tag can be checked.
        return locale is { Length: >= 2 and <= 35 } && locale.All(c => char.IsAsciiLetterOrDigit(c) || c == '-');
    }
}
