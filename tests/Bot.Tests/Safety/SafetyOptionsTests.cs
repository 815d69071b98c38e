using Clinic.Bot.Safety;
using Clinic.Bot.Safety.Contact;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Clinic.Bot.Tests.Safety;

public sealed class SafetyOptionsTests
{
    [Fact]
    public void DefaultOptionsAreValid() =>
        Assert.True(new SafetyOptionsValidator().Validate(null, new SafetyOptions()).Succeeded);

    [Theory]
    [InlineData("usa")]
    [InlineData("us")]
    [InlineData("")]
    public void RejectsARegionThatIsNotATwoLetterCode(string region)
    {
        var result = new SafetyOptionsValidator().Validate(null, new SafetyOptions { DefaultRegion = region });
        Assert.Contains(result.Failures!, f => f.Contains("DefaultRegion", StringComparison.Ordinal));
    }

    [Fact]
    public void RejectsEmptyTextsAndEmptyResourceLists()
    {
        var options = new SafetyOptions { CrisisMessage = " ", InformationalFooter = "", ContraindicationNotice = "" };
        options.CrisisResources["GB"] = [];
        var failures = new SafetyOptionsValidator().Validate(null, options).Failures!;
        Assert.Contains(failures, f => f.Contains("CrisisMessage", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.Contains("InformationalFooter", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.Contains("ContraindicationNotice", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.Contains("CrisisResources:GB", StringComparison.Ordinal));
    }

    [Fact]
    public void RejectsATermsPathThatDoesNotLoad()
    {
        var result = new SafetyOptionsValidator().Validate(null, new SafetyOptions { TermsPath = "/nonexistent/safety-terms.json" });
        Assert.Contains(result.Failures!, f => f.Contains("/nonexistent/safety-terms.json", StringComparison.Ordinal));
    }

    [Fact]
    public void RegistrationBindsTheSafetySectionAndAddsUsResources()
    {
        using var provider = Services(new() { ["Safety:DefaultRegion"] = "GB", ["Safety:CrisisResources:GB:0"] = "Call 116 123 (Samaritans)", ["Safety:ClinicAfterHoursLine"] = "+1 650 253 0000" });
        var options = provider.GetRequiredService<IOptions<SafetyOptions>>().Value;
        Assert.Equal("GB", options.DefaultRegion);
        Assert.Equal(["Call 116 123 (Samaritans)"], options.ResourcesFor("GB"));
        Assert.Equal(SafetyOptions.UsCrisisResources, options.ResourcesFor("US"));
        Assert.Equal(TriageLevel.Crisis, provider.GetRequiredService<SafetyTriage>().Classify("i want to die").Level);
        Assert.IsType<ContactRecognizer>(provider.GetRequiredService<IContactRecognizer>());
    }

    [Fact]
    public async Task HostFailsToStartWithAMalformedTermsFile()
    {
        var path = Path.Combine(Path.GetTempPath(), $"safety-terms-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(path, "{ \"version\": 2 }");
        try
        {
            var builder = Host.CreateApplicationBuilder();
            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Safety:TermsPath"] = path });
            builder.Services.AddSafetyTriage();
            using var host = builder.Build();
            var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());
            Assert.Contains(path, error.Message);
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static ServiceProvider Services(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        return new ServiceCollection().AddSingleton<IConfiguration>(configuration).AddSafetyTriage().BuildServiceProvider();
    }
}
