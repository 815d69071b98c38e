namespace Clinic.Bot.DirectLine;

/// <summary>Error responses in the Direct Line shape: <c>{"error":{"code":"…","message":"…"}}</c>.
/// The code is stable for programs; the message is written for the person reading the browser console.</summary>
internal static class DirectLineErrors
{
    public static IResult Error(int status, string code, string message) =>
        Results.Json(new { error = new { code, message } }, DirectLineJson.Options, statusCode: status);

    public static IResult BadArgument(string message) => Error(StatusCodes.Status400BadRequest, "BadArgument", message);

    public static IResult MessageTooLong(int length, int limit) => Error(
        StatusCodes.Status400BadRequest,
        "MessageTooLong",
        $"The message is {length:N0} characters long; this chat accepts at most {limit:N0}. Please shorten it and send it again.");

    public static IResult TooLarge(int limit) => Error(
        StatusCodes.Status413PayloadTooLarge,
        "MessageSizeTooBig",
        $"The request body is larger than {limit:N0} bytes.");

    public static IResult ConversationNotFound() => Error(
        StatusCodes.Status404NotFound,
        "NotFound",
        "This conversation has ended or expired. Start a new conversation.");

    public static IResult Unauthorized() => Error(
        StatusCodes.Status401Unauthorized,
        "Unauthorized",
        "Send the conversation token as 'Authorization: Bearer <token>'.");

    public static IResult TokenInvalid() => Error(
        StatusCodes.Status403Forbidden,
        "TokenInvalid",
        "The token was not issued by this service.");

    public static IResult TokenExpired() => Error(
        StatusCodes.Status403Forbidden,
        "TokenExpired",
        "The token has expired. Get a new token to continue.");

    public static IResult WrongConversation() => Error(
        StatusCodes.Status403Forbidden,
        "Forbidden",
        "The token is not valid for this conversation.");

    public static IResult Busy(int status, string message, TimeSpan retryAfter) =>
        new RetryAfterResult(Error(status, status == StatusCodes.Status429TooManyRequests ? "Throttled" : "ServiceUnavailable", message), retryAfter);

    private sealed class RetryAfterResult(IResult inner, TimeSpan retryAfter) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
            return inner.ExecuteAsync(httpContext);
        }
    }
}
