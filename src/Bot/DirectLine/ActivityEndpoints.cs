using Clinic.Bot.Protocol;
using Microsoft.Extensions.Options;

namespace Clinic.Bot.DirectLine;

/// <summary>Send an activity to the bot, and receive activities by polling (Direct Line 3.0).</summary>
internal static class ActivityEndpoints
{
    public static async Task<IResult> PostAsync(
        string conversationId,
        HttpRequest request,
        DirectLineTokenService tokens,
        IConversationStore store,
        BotTurnRunner runner,
        IOptions<DirectLineOptions> options,
        TimeProvider time,
        CancellationToken cancellationToken)
    {
        var grant = DirectLineAuth.Authorize(tokens, DirectLineAuth.BearerToken(request), conversationId, out var denied);
        if (grant is null)
        {
            return denied!;
        }
        var body = await RequestBodyReader.ReadJsonAsync<Activity>(request, options.Value.MaxRequestBodyBytes, cancellationToken);
        if (body.Error is not null)
        {
            return body.Error;
        }
        if (body.Value is not { } activity)
        {
            return DirectLineErrors.BadArgument("The request body must be an activity.");
        }
        if (InboundActivityRules.Validate(activity, options.Value) is { } invalid)
        {
            return invalid;
        }
        if (!await store.TouchAsync(conversationId, cancellationToken))
        {
            return DirectLineErrors.ConversationNotFound();
        }

        var startsTurn = InboundActivityRules.StartsTurn(activity);
        if (startsTurn && !runner.TryReserve(conversationId))
        {
            return DirectLineErrors.Busy(StatusCodes.Status429TooManyRequests,
                "Still working on your earlier messages. Please wait for the answer before sending more.", TimeSpan.FromSeconds(5));
        }
        InboundActivityRules.Stamp(activity, grant, runner.Bot, time.GetUtcNow());
        // The echo (with the client's channelData.clientActivityID) is how Web Chat learns the post arrived.
        var stored = await store.AppendAsync(conversationId, activity, cancellationToken);
        if (stored is null)
        {
            if (startsTurn)
            {
                runner.Release(conversationId);
            }
            return DirectLineErrors.ConversationNotFound();
        }
        if (startsTurn)
        {
            runner.Schedule(conversationId, activity.From!, activity);
        }
        return Results.Json(new { id = stored.Id }, DirectLineJson.Options);
    }

    public static async Task<IResult> GetAsync(
        string conversationId,
        string? watermark,
        HttpRequest request,
        DirectLineTokenService tokens,
        IConversationStore store,
        CancellationToken cancellationToken)
    {
        var grant = DirectLineAuth.Authorize(tokens, DirectLineAuth.BearerToken(request), conversationId, out var denied);
        if (grant is null)
        {
            return denied!;
        }
        if (!ActivitySetWriter.TryParseWatermark(watermark, out var after))
        {
            return DirectLineErrors.BadArgument("The watermark must be a non-negative whole number.");
        }
        var page = await store.ReadAsync(conversationId, after, cancellationToken);
        if (page is null)
        {
            return DirectLineErrors.ConversationNotFound();
        }
        // As in the Azure service, typing is only delivered over the WebSocket stream.
        var activities = page.Activities.Where(a => a.Type != ActivityTypes.Typing).ToList();
        return Results.Bytes(ActivitySetWriter.Write(activities, page.Watermark), "application/json; charset=utf-8");
    }
}
