using System.Net.Mail;
using System.Text.RegularExpressions;

namespace Clinic.Bot.Safety.Contact;

/// <summary>
/// Finds the first plain email address. Each word is checked whole against a strict ASCII pattern and must round-trip
/// through <see cref="MailAddress"/> unchanged, so display-name tricks ("a@clinic.org" &lt;b@evil.com&gt;), quoted
/// local parts and look-alike Unicode are rejected rather than half-read.
/// </summary>
public sealed partial class EmailContactRecognizer : IContactRecognizer
{
    private const int MaxInput = 4_000;
    private const int MaxAddress = 254;
    private static readonly char[] Separators = [' ', '\t', '\r', '\n', ',', ';'];

    public ContactDetails Recognize(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return ContactDetails.None;
        }

        var input = text.Length > MaxInput ? text[..MaxInput] : text;
        foreach (var word in input.Split(Separators, StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = Trim(word);
            if (candidate.StartsWith("mailto:", StringComparison.OrdinalIgnoreCase))
            {
                candidate = candidate["mailto:".Length..];
            }

            if (IsPlainAddress(candidate))
            {
                return new ContactDetails(null, candidate);
            }
        }

        return ContactDetails.None;
    }

    public static bool IsPlainAddress(string candidate) =>
        candidate.Length <= MaxAddress
        && MatchesStrict(candidate)
        && !candidate.Contains("..", StringComparison.Ordinal)
        && MailAddress.TryCreate(candidate, out var address)
        && string.IsNullOrEmpty(address.DisplayName)
        && string.Equals(address.Address, candidate, StringComparison.Ordinal);

    private static bool MatchesStrict(string candidate)
    {
        try
        {
            return Strict().IsMatch(candidate);
        }
        catch (RegexMatchTimeoutException)
        {
            return false;
        }
    }

    // Sentence punctuation around a word is not part of the address; quotes and angle brackets stay (and fail).
    private static string Trim(string word) => word.Trim('.', '!', '?', ':', '(', ')', '[', ']', '{', '}');

    [GeneratedRegex(@"^[A-Za-z0-9](?:[A-Za-z0-9._%+\-]{0,62}[A-Za-z0-9_%+\-])?@(?:[A-Za-z0-9](?:[A-Za-z0-9\-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]{2,24}$", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 100)]
    private static partial Regex Strict();
}
