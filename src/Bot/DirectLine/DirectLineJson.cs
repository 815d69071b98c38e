using System.Text.Json;
using System.Text.Json.Serialization;

namespace Clinic.Bot.DirectLine;

/// <summary>The wire format of the Direct Line channel: camelCase, nulls left out (as the Azure service sends).</summary>
internal static class DirectLineJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };
}
