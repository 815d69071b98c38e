using Microsoft.Extensions.Configuration.Json;
using Microsoft.Extensions.FileProviders;

namespace Clinic.Bot.Operations;

public static class AppSettingsSetup
{
    private const string FileName = "appsettings.json";

    /// <summary>
    /// <c>dotnet run</c> starts the app in the repository root, whose content root has no appsettings.json, so the
    /// app's own settings (log levels among them: every request was logged at Information) were silently missing there
    /// while a published app had them. This reads the copy the build puts next to the binary in that place, with the same
    /// precedence: environment-specific files, user secrets, environment variables and the command line still override it.
    /// </summary>
    public static IHostApplicationBuilder AddAppSettingsBesideBinary(this IHostApplicationBuilder builder, string? binaryFolder = null)
    {
        var folder = binaryFolder ?? AppContext.BaseDirectory;
        if (File.Exists(Path.Combine(builder.Environment.ContentRootPath, FileName)) || !File.Exists(Path.Combine(folder, FileName)))
            return builder;
        var sources = builder.Configuration.Sources;
        var missing = sources.ToList().FindIndex(s => s is JsonConfigurationSource { Path: FileName });
        sources.Insert(missing + 1, new JsonConfigurationSource
        {
            FileProvider = new PhysicalFileProvider(folder),
            Path = FileName,
            Optional = true,
            ReloadOnChange = false,
        });
        return builder;
    }
}
