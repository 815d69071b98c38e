namespace Clinic.Knowledge.Embeddings;

/// <summary>A remote embedding service did not give vectors (down, refusing, timed out, circuit open); the message says what to check.</summary>
public sealed class EmbeddingServiceException(string message, Exception? innerException = null) : Exception(message, innerException);
