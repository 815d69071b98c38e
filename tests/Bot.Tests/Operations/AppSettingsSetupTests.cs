using Clinic.Bot.Operations;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;

namespace Clinic.Bot.Tests.Operations;

public sealed class AppSettingsSetupTests : IDisposable
{
    private readonly string _contentRoot = Directory.CreateTempSubdirectory("content-root-").FullName;
    private readonly string _binary = Directory.CreateTempSubdirectory("binary-").FullName;

    public AppSettingsSetupTests() =>
        File.WriteAllText(Path.Combine(_binary, "appsettings.json"), """{ "Probe": "beside-binary", "Other": "beside-binary" }""");

    private WebApplicationBuilder Builder(params string[] args)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = _contentRoot });
        builder.AddAppSettingsBesideBinary(_binary);
        return builder;
    }

    [Fact]
    public void ReadsTheSettingsBuiltBesideTheBinaryWhenTheContentRootHasNone() =>
        Assert.Equal("beside-binary", Builder().Configuration["Probe"]);

    [Fact]
    public void LetsTheCommandLineOverrideThem()
    {
        var configuration = Builder("--Probe=command-line").Configuration;
        Assert.Equal("command-line", configuration["Probe"]);
        Assert.Equal("beside-binary", configuration["Other"]);
    }

    [Fact]
    public void LeavesAContentRootWithItsOwnSettingsAlone()
    {
        File.WriteAllText(Path.Combine(_contentRoot, "appsettings.json"), """{ "Probe": "content-root" }""");
        var configuration = Builder().Configuration;
        Assert.Equal("content-root", configuration["Probe"]);
        Assert.Null(configuration["Other"]);
    }

    public void Dispose()
    {
        Directory.Delete(_contentRoot, recursive: true);
        Directory.Delete(_binary, recursive: true);
    }
}
