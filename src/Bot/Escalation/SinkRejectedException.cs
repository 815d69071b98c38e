namespace Clinic.Bot.Escalation;

/// <summary>
/// The receiver refused the alert for good (HTTP 4xx, SMTP 5xx, bad credentials): retrying cannot help, so the
/// dispatcher gives up at once and logs critically. The message never holds personal data; it says what to fix.
/// </summary>
public sealed class SinkRejectedException(string message, Exception? innerException = null) : Exception(message, innerException);
