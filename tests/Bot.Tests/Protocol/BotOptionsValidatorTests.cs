using Clinic.Bot.Protocol;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Clinic.Bot.Tests.Protocol;

public class BotOptionsValidatorTests
{
    private const string AppId = "5f0b3a5e-8d1c-4c34-9b54-2a1f4f6a9c11";
    private const string TenantId = "8a1b2c3d-0000-4000-8000-0000000000aa";

    private static ValidateOptionsResult Validate(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var options = new BotOptions();
        configuration.GetSection(BotOptions.SectionName).Bind(options);
        return new BotOptionsValidator().Validate(null, options);
    }

    [Fact]
    public void AnEmptySectionIsValidLocalDevelopment() => Assert.True(Validate([]).Succeeded);

    [Fact]
    public void AMultiTenantBotNeedsAnIdAndASecret() =>
        Assert.True(Validate(new() { ["Bot:MicrosoftAppId"] = AppId, ["Bot:MicrosoftAppPassword"] = "s" }).Succeeded);

    [Theory]
    [InlineData("SingleTenant", "secret", null, "Missing Bot:MicrosoftAppTenantId. See appsettings.sample.json.")]
    [InlineData("UserAssignedMSI", null, null, "Missing Bot:MicrosoftAppTenantId. See appsettings.sample.json.")]
    [InlineData("MultiTenant", null, null, "Missing Bot:MicrosoftAppPassword")]
    [InlineData("SingleTenant", "secret", "contoso.onmicrosoft.com", "Bot:MicrosoftAppTenantId must be the tenant id, a GUID.")]
    [InlineData("Federated", "secret", null, "Bot:MicrosoftAppType 'Federated' is not MultiTenant, SingleTenant or UserAssignedMSI.")]
    public void FailsWithTheFixInTheMessage(string appType, string? secret, string? tenant, string expected)
    {
        var result = Validate(new()
        {
            ["Bot:MicrosoftAppId"] = AppId,
            ["Bot:MicrosoftAppType"] = appType,
            ["Bot:MicrosoftAppPassword"] = secret,
            ["Bot:MicrosoftAppTenantId"] = tenant,
        });

        Assert.True(result.Failed);
        Assert.Contains(result.Failures!, f => f.StartsWith(expected, StringComparison.Ordinal));
    }

    [Fact]
    public void AnAppTypeIsMatchedWithoutRegardToCase() =>
        Assert.True(Validate(new() { ["Bot:MicrosoftAppId"] = AppId, ["Bot:MicrosoftAppType"] = "userassignedmsi", ["Bot:MicrosoftAppTenantId"] = TenantId }).Succeeded);

    [Theory]
    [InlineData("Bot:MicrosoftAppId", "my-bot", "Bot:MicrosoftAppId must be the Azure Bot's app (client) id")]
    [InlineData("Bot:OpenIdMetadataUrl", "http://login.botframework.com/v1/.well-known/openidconfiguration", "Bot:OpenIdMetadataUrl must be an absolute https URL")]
    [InlineData("Bot:EmulatorOpenIdMetadataUrl", "relative/path", "Bot:EmulatorOpenIdMetadataUrl must be an absolute https URL")]
    [InlineData("Bot:ToChannelFromBotLoginUrl", "http://login.example.com/botframework.com", "Bot:ToChannelFromBotLoginUrl must be an absolute https URL")]
    [InlineData("Bot:OpenIdMetadataRefreshInterval", "3.00:00:00", "Bot:OpenIdMetadataRefreshInterval must be")]
    [InlineData("Bot:MaxRequestBodyBytes", "0", "Bot:MaxRequestBodyBytes must be positive.")]
    [InlineData("Bot:Connector:MaxAttempts", "0", "Bot:Connector needs")]
    public void RejectsBadValues(string key, string value, string expected)
    {
        var settings = new Dictionary<string, string?> { ["Bot:MicrosoftAppId"] = AppId, ["Bot:MicrosoftAppPassword"] = "s", [key] = value };

        var result = Validate(settings);

        Assert.Contains(result.Failures ?? [], f => f.StartsWith(expected, StringComparison.Ordinal));
    }

    [Fact]
    public void ASecretWithoutAnAppIdIsAMistake() =>
        Assert.Contains(Validate(new() { ["Bot:MicrosoftAppPassword"] = "s" }).Failures!, f => f.StartsWith("Bot:MicrosoftAppPassword is set but Bot:MicrosoftAppId is empty", StringComparison.Ordinal));

    [Fact]
    public void LoopbackHttpMetadataIsAllowedForLocalTesting() =>
        Assert.True(Validate(new() { ["Bot:OpenIdMetadataUrl"] = "http://127.0.0.1:5000/v1/.well-known/openidconfiguration" }).Succeeded);

    [Fact]
    public async Task TheAppRefusesToStartWithBadSettings()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Bot:MicrosoftAppId"] = AppId,
            ["Bot:MicrosoftAppPassword"] = "s",
            ["Bot:MicrosoftAppType"] = "SingleTenant",
        });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.AddBotProtocol();
        await using var app = builder.Build();

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => app.StartAsync());

        Assert.Contains("Missing Bot:MicrosoftAppTenantId. See appsettings.sample.json.", error.Message, StringComparison.Ordinal);
    }
}
