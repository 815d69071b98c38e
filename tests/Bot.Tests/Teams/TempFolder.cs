namespace Clinic.Bot.Tests.Teams;

/// <summary>A scratch folder, optionally seeded with a copy of the repository's manifest folder.</summary>
internal sealed class TempFolder : IDisposable
{
    public TempFolder()
    {
        Path = Directory.CreateTempSubdirectory("teams-manifest-").FullName;
    }

    public string Path { get; }

    public static TempFolder WithRepositoryManifest()
    {
        var folder = new TempFolder();
        foreach (var file in Directory.EnumerateFiles(RepoPaths.ManifestFolder))
        {
            System.IO.File.Copy(file, folder.File(System.IO.Path.GetFileName(file)));
        }

        return folder;
    }

    public string File(string name) => System.IO.Path.Combine(Path, name);

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
