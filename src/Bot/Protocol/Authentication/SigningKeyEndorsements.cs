using System.Collections;
using System.Text.Json;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace Clinic.Bot.Protocol.Authentication;

/// <summary>
/// The Bot Connector's JWKS adds an "endorsements" array to each key: the channel ids that key may sign for.
/// A key with no endorsements endorses nothing.
/// </summary>
internal static class SigningKeyEndorsements
{
    public static IReadOnlySet<string> For(OpenIdConnectConfiguration configuration, string? keyId)
    {
        var set = new HashSet<string>(StringComparer.Ordinal);
        var key = configuration.JsonWebKeySet?.Keys.FirstOrDefault(k => !string.IsNullOrEmpty(keyId) && k.Kid == keyId);
        if (key is null || !key.AdditionalData.TryGetValue(BotAuthConstants.EndorsementsProperty, out var raw))
        {
            return set;
        }

        switch (raw)
        {
            case JsonElement { ValueKind: JsonValueKind.Array } array:
                foreach (var item in array.EnumerateArray())
                {
                    if (item.ValueKind == JsonValueKind.String)
                    {
                        set.Add(item.GetString()!);
                    }
                }

                break;
            case string single:
                set.Add(single);
                break;
            case IEnumerable items:
                foreach (var item in items)
                {
                    if (item is string s)
                    {
                        set.Add(s);
                    }
                    else if (item is JsonElement { ValueKind: JsonValueKind.String } e)
                    {
                        set.Add(e.GetString()!);
                    }
                }

                break;
        }

        return set;
    }
}
