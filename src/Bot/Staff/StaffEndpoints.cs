using Clinic.Bot.Escalation;
using Clinic.Bot.Storage;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace Clinic.Bot.Staff;

public static partial class StaffEndpoints
{
    /// <summary>Header every state-changing request must carry: a cross-site form cannot set it, so with the SameSite cookie it stops CSRF.</summary>
    public const string RequestHeader = "X-Staff-Request";
    private const int TranscriptLimit = 200;

    /// <summary>
    /// The staff page at /staff and its JSON API at /staff/api. Needs <c>AddEscalation()</c>. With neither Staff:Key
    /// nor Entra ID configured nothing is mapped (404), and a start-up line says how to turn it on.
    /// </summary>
    public static IEndpointRouteBuilder MapStaff(this IEndpointRouteBuilder app)
    {
        var o = app.ServiceProvider.GetRequiredService<IOptions<StaffOptions>>().Value;
        var logger = app.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger("Clinic.Bot.Staff");
        if (!o.Enabled)
        {
            LogDisabled(logger);
            return app;
        }

        LogEnabled(logger, o.KeyEnabled, o.EntraEnabled);
        app.MapGet("/staff", (HttpContext c) => StaffAssets.Serve(c, "index.html")).ExcludeFromDescription();
        app.MapGet("/staff/{file}", (HttpContext c, string file) => StaffAssets.Serve(c, file)).ExcludeFromDescription();

        var api = app.MapGroup("/staff/api").ExcludeFromDescription();
        api.AddEndpointFilter(async (context, next) =>
        {
            StaffAssets.Secure(context.HttpContext.Response);
            return await next(context);
        });
        api.MapGet("/me", (Delegate)MeAsync);
        api.MapPost("/session", SignInAsync);
        api.MapDelete("/session", (Delegate)SignOutAsync);
        api.MapGet("/escalations", ListAsync);
        api.MapGet("/escalations/{id}", DetailAsync);
        api.MapPost("/escalations/{id}/acknowledge", (HttpContext c, string id, CancellationToken ct) => ChangeAsync(c, id, EscalationStatus.Acknowledged, ct));
        api.MapPost("/escalations/{id}/resolve", (HttpContext c, string id, CancellationToken ct) => ChangeAsync(c, id, EscalationStatus.Resolved, ct));
        if (o.EntraEnabled)
        {
            app.MapGet("/staff/signin", () => Results.Challenge(new AuthenticationProperties { RedirectUri = "/staff/" }, [StaffEntraSignIn.OidcScheme]))
                .ExcludeFromDescription();
        }
        return app;
    }

    private static async Task<IResult> MeAsync(HttpContext context)
    {
        var o = Options(context);
        var user = await StaffAccess.ReadAsync(context);
        return user is null
            ? Results.Json(new { signedIn = false, key = o.KeyEnabled, entra = o.EntraEnabled })
            : Results.Json(new { signedIn = true, name = user.Name, method = user.Method, key = o.KeyEnabled, entra = o.EntraEnabled });
    }

    private static IResult SignInAsync(HttpContext context, [FromBody] StaffSignIn request, StaffKeySession sessions, ILoggerFactory logs)
    {
        if (!StaffAccess.HasRequestHeader(context))
            return Results.StatusCode(StatusCodes.Status403Forbidden);
        var name = request.Name?.Trim() ?? "";
        if (name.Length is 0 or > StaffKeySession.MaxNameLength || name.Any(char.IsControl))
            return Results.Json(new { error = $"Enter your name (up to {StaffKeySession.MaxNameLength} characters) so the audit trail shows who acted." }, statusCode: StatusCodes.Status400BadRequest);
        if (!sessions.KeyMatches(request.Key))
        {
            LogBadKey(logs.CreateLogger("Clinic.Bot.Staff"));
            return Results.Json(new { error = "That staff key is not right." }, statusCode: StatusCodes.Status401Unauthorized);
        }

        sessions.SignIn(context, name);
        return Results.NoContent();
    }

    private static async Task<IResult> SignOutAsync(HttpContext context)
    {
        if (!StaffAccess.HasRequestHeader(context))
            return Results.StatusCode(StatusCodes.Status403Forbidden);
        StaffKeySession.SignOut(context);
        if (Options(context).EntraEnabled)
            await context.SignOutAsync(StaffEntraSignIn.CookieScheme);
        return Results.NoContent();
    }

    private static async Task<IResult> ListAsync(HttpContext context, IEscalationStore store, string? status, CancellationToken ct)
    {
        if (await StaffAccess.ReadAsync(context) is null)
            return Results.Unauthorized();
        IEnumerable<EscalationRecord> found = status switch
        {
            null or "" or "active" => (await store.ListEscalationsAsync(EscalationStatus.Open, 200, ct)).Concat(await store.ListEscalationsAsync(EscalationStatus.Acknowledged, 200, ct)),
            "open" => await store.ListEscalationsAsync(EscalationStatus.Open, 200, ct),
            "acknowledged" => await store.ListEscalationsAsync(EscalationStatus.Acknowledged, 200, ct),
            "resolved" => await store.ListEscalationsAsync(EscalationStatus.Resolved, 100, ct),
            _ => [],
        };
        return Results.Json(new { escalations = found.Select(StaffViews.Summary) });
    }

    private static async Task<IResult> DetailAsync(HttpContext context, string id, IEscalationStore store, IConversationStore conversations, CancellationToken ct)
    {
        if (await StaffAccess.ReadAsync(context) is null)
            return Results.Unauthorized();
        if (await store.GetEscalationAsync(id, ct) is not { } escalation)
            return Results.NotFound();
        var transcript = await conversations.GetTranscriptAsync(escalation.ConversationId, TranscriptLimit, ct);
        var audit = await store.GetAuditAsync(id, ct);
        return Results.Json(StaffViews.Detail(escalation, transcript, audit));
    }

    private static async Task<IResult> ChangeAsync(HttpContext context, string id, EscalationStatus status, CancellationToken ct)
    {
        if (!StaffAccess.HasRequestHeader(context))
            return Results.StatusCode(StatusCodes.Status403Forbidden);
        if (await StaffAccess.ReadAsync(context) is not { } user)
            return Results.Unauthorized();
        var services = context.RequestServices;
        var update = await services.GetRequiredService<EscalationStatusService>().SetAsync(id, status, user.Actor, "staff-page", ct);
        if (update.Escalation is not { } escalation)
            return Results.NotFound();
        var store = services.GetRequiredService<IEscalationStore>();
        var transcript = await services.GetRequiredService<IConversationStore>().GetTranscriptAsync(escalation.ConversationId, TranscriptLimit, ct);
        return Results.Json(StaffViews.Detail(escalation, transcript, await store.GetAuditAsync(id, ct)));
    }

    private static StaffOptions Options(HttpContext context) => context.RequestServices.GetRequiredService<IOptions<StaffOptions>>().Value;

    [LoggerMessage(Level = LogLevel.Warning, Message = "Staff page is OFF: set Staff:Key (at least 16 characters) or Staff:Authority and Staff:ClientId (Entra ID) to turn /staff on.")]
    private static partial void LogDisabled(ILogger logger);

    [LoggerMessage(Level = LogLevel.Information, Message = "Staff page on at /staff (staff key: {Key}, Entra ID: {Entra})")]
    private static partial void LogEnabled(ILogger logger, bool key, bool entra);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Staff sign-in refused: wrong staff key")]
    private static partial void LogBadKey(ILogger logger);
}
