using Clinic.Bot.Protocol;
using Microsoft.Extensions.Options;

namespace Clinic.Bot.DirectLine;

/// <summary>Start and reconnect (Direct Line 3.0 "Start Conversation" and "Reconnect to a conversation").</summary>
internal static class ConversationEndpoints
{
    public static async Task<IResult> StartAsync(
        HttpRequest request,
        DirectLineTokenService tokens,
        IConversationStore store,
        BotTurnRunner runner,
        IOptions<DirectLineOptions> options,
        TimeProvider time,
        CancellationToken cancellationToken)
    {
        var token = DirectLineAuth.BearerToken(request);
        var grant = DirectLineAuth.Authorize(tokens, token, conversationId: null, out var denied);
        if (grant is null)
        {
            return denied!;
        }
        // DirectLineJS sends {user, locale}; the user comes from the token, but a malformed body is still the client's error.
        var body = await RequestBodyReader.ReadJsonAsync<StartConversationBody>(request, options.Value.MaxRequestBodyBytes, cancellationToken);
        if (body.Error is not null)
        {
            return body.Error;
        }

        var created = await store.CreateAsync(grant.ConversationId, cancellationToken);
        if (created == ConversationCreateResult.AtCapacity)
        {
            return DirectLineErrors.Busy(StatusCodes.Status503ServiceUnavailable,
                "The chat is very busy right now. Please try again in a minute.", TimeSpan.FromSeconds(30));
        }
        if (created == ConversationCreateResult.Created && runner.TryReserve(grant.ConversationId))
        {
            // The real service tells the bot who joined, so it can greet before the visitor says anything.
            var user = new ChannelAccount { Id = grant.UserId, Role = "user" };
            runner.Schedule(grant.ConversationId, user, new Activity
            {
                Type = ActivityTypes.ConversationUpdate,
                Id = Identifiers.ActivityId(grant.ConversationId, 0),
                Timestamp = time.GetUtcNow(),
                ChannelId = DirectLineChannel.ChannelId,
                Conversation = new ConversationAccount { Id = grant.ConversationId },
                From = user,
                Recipient = runner.Bot,
                MembersAdded = [runner.Bot, user],
                Locale = body.Value?.Locale,
            });
        }

        var response = Describe(request, options.Value, grant, token!, watermark: null, time);
        return created == ConversationCreateResult.Created
            ? Results.Json(response, DirectLineJson.Options, statusCode: StatusCodes.Status201Created)
            : Results.Json(response, DirectLineJson.Options);
    }

    public static async Task<IResult> ReconnectAsync(
        string conversationId,
        string? watermark,
        HttpRequest request,
        DirectLineTokenService tokens,
        IConversationStore store,
        IOptions<DirectLineOptions> options,
        TimeProvider time,
        CancellationToken cancellationToken)
    {
        var token = DirectLineAuth.BearerToken(request);
        var grant = DirectLineAuth.Authorize(tokens, token, conversationId, out var denied);
        if (grant is null)
        {
            return denied!;
        }
        if (!ActivitySetWriter.TryParseWatermark(watermark, out var from))
        {
            return DirectLineErrors.BadArgument("The watermark must be a non-negative whole number.");
        }
        // Without a watermark only activities after the reconnect are replayed, as the Azure service documents.
        var page = await store.ReadAsync(conversationId, long.MaxValue, cancellationToken);
        if (page is null)
        {
            return DirectLineErrors.ConversationNotFound();
        }
        var streamFrom = string.IsNullOrEmpty(watermark) ? page.Watermark : from;
        return Results.Json(Describe(request, options.Value, grant, token!, streamFrom, time), DirectLineJson.Options);
    }

    private static ConversationResponse Describe(
        HttpRequest request, DirectLineOptions options, DirectLineToken grant, string token, long? watermark, TimeProvider time) =>
        new(grant.ConversationId,
            token,
            ExpiresInSeconds(grant, time),
            PublicUrls.StreamUrl(request, options, grant.ConversationId, token, watermark));

    public static int ExpiresInSeconds(DirectLineToken grant, TimeProvider time) =>
        (int)Math.Max(0, Math.Floor((grant.ExpiresAt - time.GetUtcNow()).TotalSeconds));

    internal sealed record StartConversationBody(ChannelAccount? User, string? Locale);

    internal sealed record ConversationResponse(
        string ConversationId,
        string Token,
        [property: System.Text.Json.Serialization.JsonPropertyName("expires_in")] int ExpiresIn,
        string StreamUrl);
}
