namespace Clinic.Knowledge.Ingestion;

/// <summary>A corpus file that was skipped or yielded nothing, and why, in words a person can act on.</summary>
/// <param name="Path">The file (or folder) concerned.</param>
/// <param name="Message">What is wrong and what to do about it.</param>
public sealed record CorpusProblem(string Path, string Message);
