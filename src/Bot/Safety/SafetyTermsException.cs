namespace Clinic.Bot.Safety;

/// <summary>The safety terms file is missing or malformed. Raised at start-up; the message says what to fix.</summary>
public sealed class SafetyTermsException(string message, Exception? inner = null) : Exception(message, inner);
