using Clinic.Bot.Protocol;
using Microsoft.Extensions.Options;

namespace Clinic.Bot.Staff;

internal sealed class StaffOptionsValidator : IValidateOptions<StaffOptions>
{
    public const int MinimumKeyLength = 16;

    public ValidateOptionsResult Validate(string? name, StaffOptions o)
    {
        var errors = new List<string>();
        if (o.Key is { } key && key.Length > 0 && key.Trim().Length < MinimumKeyLength)
            errors.Add($"Staff:Key must be at least {MinimumKeyLength} characters; generate one with `openssl rand -base64 24`, or remove it to turn the key off.");
        if (o.SessionLifetime <= TimeSpan.Zero || o.SessionLifetime > TimeSpan.FromDays(30))
            errors.Add("Staff:SessionLifetime must be between 00:00:01 and 30.00:00:00.");
        var authority = !string.IsNullOrWhiteSpace(o.Authority);
        var client = !string.IsNullOrWhiteSpace(o.ClientId);
        if (authority != client)
            errors.Add("Staff:Authority and Staff:ClientId go together: set both for Entra ID sign-in (https://login.microsoftonline.com/{tenant-id}/v2.0 and the app's client id), or neither.");
        if (authority && (!Uri.TryCreate(o.Authority, UriKind.Absolute, out var uri) || !LoopbackAddress.IsHttpsOrLoopbackHttp(uri)))
            errors.Add("Staff:Authority must be an https URL such as https://login.microsoftonline.com/{tenant-id}/v2.0.");
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
