using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace Clinic.Bot.Operations;

/// <summary>Per-conversation and per-client limits on the website channel, answered with a friendly 429.</summary>
public static class RateLimiting
{
    public const string PerConversation = "per-conversation";
    public const string PerClient = "per-client";

    public static IHostApplicationBuilder AddRateLimits(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<RateLimitOptions>().BindConfiguration("RateLimit")
            .Validate(o => o.MessagesPerConversationPerMinute > 0 && o.TokensPerClientPerMinute > 0, "RateLimit values must be positive. See appsettings.sample.json.")
            .ValidateOnStart();
        builder.Services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.AddPolicy(PerConversation, context =>
            {
                var limit = context.RequestServices.GetRequiredService<IOptions<RateLimitOptions>>().Value.MessagesPerConversationPerMinute;
                var key = context.Request.RouteValues["conversationId"]?.ToString() ?? context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
                return RateLimitPartition.GetFixedWindowLimiter(key, _ => Window(limit));
            });
            limiter.AddPolicy(PerClient, context =>
            {
                var limit = context.RequestServices.GetRequiredService<IOptions<RateLimitOptions>>().Value.TokensPerClientPerMinute;
                return RateLimitPartition.GetFixedWindowLimiter(context.Connection.RemoteIpAddress?.ToString() ?? "unknown", _ => Window(limit));
            });
            limiter.OnRejected = async (context, cancellationToken) =>
            {
                var message = context.HttpContext.RequestServices.GetRequiredService<IOptions<RateLimitOptions>>().Value.Message;
                if (context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter))
                    context.HttpContext.Response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
                // The Direct Line error shape, so Web Chat shows the message instead of a bare failure.
                await context.HttpContext.Response.WriteAsJsonAsync(new { error = new { code = "TooManyRequests", message } }, cancellationToken);
            };
        });
        return builder;
    }

    private static FixedWindowRateLimiterOptions Window(int permits) =>
        new() { PermitLimit = permits, Window = TimeSpan.FromMinutes(1), QueueLimit = 0, AutoReplenishment = true };
}
