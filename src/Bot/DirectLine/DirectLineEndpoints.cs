namespace Clinic.Bot.DirectLine;

/// <summary>What <see cref="DirectLineExtensions.MapDirectLine"/> mapped, so the host can add conventions such as rate limiting.</summary>
/// <param name="Protocol">Every <c>/v3/directline</c> endpoint.</param>
/// <param name="PostActivity">Posting an activity, the endpoint that starts bot turns.</param>
/// <param name="WebsiteToken"><c>POST /api/directline/token</c>, open to anonymous visitors.</param>
public sealed record DirectLineEndpoints(RouteGroupBuilder Protocol, RouteHandlerBuilder PostActivity, RouteHandlerBuilder WebsiteToken);
