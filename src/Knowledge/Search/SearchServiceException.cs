namespace Clinic.Knowledge.Search;

/// <summary>Azure AI Search did not answer usefully (down, refusing, timed out, circuit open, malformed); the message says what to check.</summary>
public sealed class SearchServiceException(string message, Exception? innerException = null) : Exception(message, innerException);
