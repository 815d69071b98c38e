namespace Clinic.Bot.Storage;

/// <summary>
/// The database cannot be reached or cannot write (server down, disk full, file unreadable). Nothing was half-written.
/// The message never contains personal data; the provider error is the inner exception.
/// </summary>
public sealed class StoreUnavailableException(string message, Exception innerException) : Exception(message, innerException);
