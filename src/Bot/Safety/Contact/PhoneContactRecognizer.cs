using System.Globalization;
using System.Text;
using Microsoft.Extensions.Options;
using PhoneNumbers;

namespace Clinic.Bot.Safety.Contact;

/// <summary>Finds the first valid phone number (libphonenumber, default region from options) and returns it in E.164.</summary>
public sealed class PhoneContactRecognizer(IOptions<SafetyOptions> options) : IContactRecognizer
{
    private const int MaxInput = 4_000;
    private const long MaxTries = 20;
    private static readonly PhoneNumberUtil Util = PhoneNumberUtil.GetInstance();

    public ContactDetails Recognize(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return ContactDetails.None;
        }

        var cleaned = Clean(text.Length > MaxInput ? text[..MaxInput] : text);
        try
        {
            foreach (var match in Util.FindNumbers(cleaned, options.Value.DefaultRegion, PhoneNumberUtil.Leniency.VALID, MaxTries))
            {
                return new ContactDetails(Util.Format(match.Number, PhoneNumberFormat.E164), null);
            }
        }
        catch (NumberParseException)
        {
            // Not a number: a result, not a fault.
        }

        return ContactDetails.None;
    }

    // Invisible characters inside a number ("555\u200b0199") would split it; broken surrogates become spaces.
    private static string Clean(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            var category = char.GetUnicodeCategory(c);
            if (category == UnicodeCategory.Format)
            {
                continue;
            }

            builder.Append(category is UnicodeCategory.Surrogate or UnicodeCategory.Control ? ' ' : c);
        }

        return builder.ToString();
    }
}
