using Microsoft.Extensions.Options;

namespace Clinic.Bot.Staff;

/// <summary>Who is asking: a staff-key session or an Entra ID sign-in, or nobody.</summary>
internal static class StaffAccess
{
    public static async Task<StaffUser?> ReadAsync(HttpContext context)
    {
        var services = context.RequestServices;
        return services.GetRequiredService<StaffKeySession>().Read(context)
            ?? await StaffEntraSignIn.ReadAsync(context, services.GetRequiredService<IOptions<StaffOptions>>().Value);
    }

    public static bool HasRequestHeader(HttpContext context) =>
        context.Request.Headers.TryGetValue(StaffEndpoints.RequestHeader, out var value) && value == "1";
}
