namespace Clinic.Knowledge.Retrieval;

/// <summary>What <see cref="IPassageStore.SyncAsync"/> did, for the <c>index</c> command and the start-up log.</summary>
/// <param name="Outcome"><c>InProcess</c> (nothing to do), <c>UpToDate</c> (the store held this index key) or <c>Uploaded</c>.</param>
/// <param name="Uploaded">Chunks uploaded.</param>
/// <param name="Deleted">Chunks of other index keys deleted.</param>
public sealed record PassageStoreSync(string Outcome, int Uploaded = 0, int Deleted = 0);
