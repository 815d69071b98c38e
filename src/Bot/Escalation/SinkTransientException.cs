namespace Clinic.Bot.Escalation;

/// <summary>A failure worth retrying with backoff (receiver down, 5xx, timeout). The message never holds personal data.</summary>
public sealed class SinkTransientException(string message, Exception? innerException = null) : Exception(message, innerException);
