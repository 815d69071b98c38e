namespace Clinic.Bot.Teams;

/// <summary>
/// Outcome of building a Teams app package: either the path of the zip that was written, or why
/// nothing was written. Warnings are things an admin should fix but that Teams would still accept.
/// </summary>
public sealed record ManifestPackageResult(
    bool Succeeded,
    string? PackagePath,
    string? Error,
    IReadOnlyList<string> Warnings)
{
    public static ManifestPackageResult Success(string packagePath, IReadOnlyList<string> warnings) =>
        new(true, packagePath, null, warnings);

    public static ManifestPackageResult Failure(string error) => new(false, null, error, []);
}
