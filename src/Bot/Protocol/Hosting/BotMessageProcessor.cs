using Clinic.Bot.Bot;
using Clinic.Bot.Protocol.Authentication;
using Clinic.Bot.Protocol.Connector;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Clinic.Bot.Protocol.Hosting;

/// <summary>
/// POST /api/messages: content type, size, token, JSON, token-vs-activity checks, de-duplication, then the turn.
/// Refusals carry no detail in the response; the reason goes to the log (never the message text).
/// </summary>
internal sealed class BotMessageProcessor(
    BotAuthenticator authenticator,
    IInboundDeduplicator deduplicator,
    IBotTurnHandler turnHandler,
    ConnectorClient connector,
    IOptions<BotOptions> options,
    IHostApplicationLifetime lifetime,
    ILogger<BotMessageProcessor> logger)
{
    internal const string MalformedMessage = "Malformed activity.";

    public async Task<IResult> ProcessAsync(HttpContext context)
    {
        var request = context.Request;
        var limit = options.Value.MaxRequestBodyBytes;
        if (!RequestBody.IsJson(request.ContentType))
        {
            return Refuse(StatusCodes.Status415UnsupportedMediaType, "content type is not application/json");
        }

        if (request.ContentLength > limit)
        {
            return Refuse(StatusCodes.Status413PayloadTooLarge, "declared body is over the size limit");
        }

        var (body, status) = await RequestBody.ReadAsync(request, limit, context.RequestAborted).ConfigureAwait(false);
        if (body is null)
        {
            return status == StatusCodes.Status413PayloadTooLarge
                ? Refuse(status, "body is over the size limit")
                : Refuse(status, "body could not be read", MalformedMessage);
        }

        var auth = await authenticator.AuthenticateAsync(request.Headers.Authorization, context.Connection.RemoteIpAddress, IsForwarded(request), context.RequestAborted).ConfigureAwait(false);
        if (!auth.IsAllowed)
        {
            return Refuse(auth);
        }

        var parsed = ProtocolJson.ParseActivity(body);
        if (!parsed.Succeeded)
        {
            return Refuse(StatusCodes.Status400BadRequest, $"{parsed.Error}: {parsed.Reason}", MalformedMessage);
        }

        var activity = parsed.Activity!;
        auth = BotAuthenticator.Authorize(auth, activity);
        if (!auth.IsAllowed)
        {
            return Refuse(auth, activity);
        }

        var key = InboundActivityKey.For(activity);
        if (key is not null && !await deduplicator.TryClaimAsync(key, context.RequestAborted).ConfigureAwait(false))
        {
            logger.LogInformation("Repeat delivery of a {Type} activity on {Channel} ignored", Short(activity.Type), Short(activity.ChannelId));
            return Results.Ok();
        }

        return await RunTurnAsync(activity, key, context.Response).ConfigureAwait(false);
    }

    private async Task<IResult> RunTurnAsync(Activity activity, string? key, HttpResponse response)
    {
        InvokeResponse? invokeResponse;
        try
        {
            // Not tied to RequestAborted: when Teams gives up waiting and resends, this turn still finishes and
            // replies once, and the resend is dropped as a repeat.
            var sender = new ConnectorActivitySender(connector, activity);
            invokeResponse = await turnHandler.OnTurnAsync(activity, sender, lifetime.ApplicationStopping).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            if (key is not null)
            {
                await deduplicator.ReleaseAsync(key, CancellationToken.None).ConfigureAwait(false);
            }

            if (ex is Storage.StoreUnavailableException)
            {
                // The database is down: say so at once, and when to try again, instead of a bare 500. The message names
                // the provider and the reason, never conversation data.
                logger.LogError("Turn for a {Type} activity on {Channel} refused with 503: {Reason}", Short(activity.Type), Short(activity.ChannelId), ex.Message);
                response.Headers.RetryAfter = "10";
                return Results.Text("The conversation store is unavailable; retry later.", "text/plain", statusCode: StatusCodes.Status503ServiceUnavailable);
            }

            // Exception messages can quote what the user wrote, so only types and the stack are logged.
            logger.LogError("Turn for a {Type} activity on {Channel} failed: {Error}\n{StackTrace}", Short(activity.Type), Short(activity.ChannelId), ExceptionTypes(ex), ex.StackTrace);
            return Results.StatusCode(StatusCodes.Status500InternalServerError);
        }

        if (key is not null)
        {
            await deduplicator.CompleteAsync(key, CancellationToken.None).ConfigureAwait(false);
        }

        if (activity.Type != ActivityTypes.Invoke)
        {
            return Results.Ok();
        }

        // Like the Bot Framework SDK: an invoke nobody handled is 501.
        return invokeResponse switch
        {
            null => Results.StatusCode(StatusCodes.Status501NotImplemented),
            { Body: null } => Results.StatusCode(invokeResponse.Status),
            _ => Results.Json(invokeResponse.Body, ProtocolJson.Options, statusCode: invokeResponse.Status),
        };
    }

    private IResult Refuse(BotAuthResult auth, Activity? activity = null)
    {
        var status = auth.Status switch
        {
            BotAuthStatus.Forbidden => StatusCodes.Status403Forbidden,
            BotAuthStatus.Unavailable => StatusCodes.Status503ServiceUnavailable,
            _ => StatusCodes.Status401Unauthorized,
        };
        var reason = activity is null ? auth.Reason : $"{auth.Reason} (channel {Short(activity.ChannelId)})";
        return Refuse(status, reason);
    }

    private IResult Refuse(int status, string reason, string? publicMessage = null)
    {
        var level = status == StatusCodes.Status503ServiceUnavailable ? LogLevel.Error : LogLevel.Warning;
        logger.Log(level, "Bot request refused with {Status}: {Reason}", status, reason);
        return publicMessage is null ? Results.StatusCode(status) : Results.Text(publicMessage, "text/plain", statusCode: status);
    }

    private static bool IsForwarded(HttpRequest request) =>
        request.Headers.ContainsKey("X-Forwarded-For") || request.Headers.ContainsKey("Forwarded") || request.Headers.ContainsKey("X-Original-For");

    private static string ExceptionTypes(Exception ex)
    {
        var types = new List<string>();
        for (var current = (Exception?)ex; current is not null && types.Count < 5; current = current.InnerException)
        {
            types.Add(current.GetType().FullName ?? current.GetType().Name);
        }

        return string.Join(" <- ", types);
    }

    // Fields from an unauthenticated or untrusted body are capped before they reach a log line.
    private static string Short(string? value) =>
        value is null ? "(none)" : value.Length <= 40 ? value : value[..40] + "…";
}
