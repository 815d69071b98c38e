using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Clinic.Bot.Tests.Escalation;

public sealed class EscalationOptionsTests : EscalationTestBase
{
    [Fact]
    public async Task WithoutSinksTheServiceStartsWarnsAndKeepsEscalationsForTheStaffPage()
    {
        var host = await StartHostAsync(EscalationHost.Settings(DatabasePath));

        var id = await host.RaiseAsync();

        Assert.Empty(host.SinkNames);
        await Eventually.TrueAsync(() => host.Logs.Entries.Any(e => e.Level == LogLevel.Warning && e.Message.StartsWith("No staff sink is configured", StringComparison.Ordinal)),
            "the missing sinks are reported");
        var record = await host.EscalationAsync(id);
        Assert.Empty(record.Deliveries);
        Assert.Contains(id, (await host.Escalations.ListEscalationsAsync(Clinic.Bot.Storage.EscalationStatus.Open, 10)).Select(e => e.Id));
    }

    [Theory]
    [InlineData("Escalation:Webhook:Url", "https://hooks.example/clinic", "Escalation:Webhook:Secret must be at least 32 characters")]
    [InlineData("Escalation:Webhook:Url", "http://hooks.example/clinic", "Escalation:Webhook:Url must be an absolute https URL")]
    [InlineData("Escalation:Teams:ChannelId", "general", "Escalation:Teams:ChannelId must be a channel id such as 19:abc@thread.tacv2")]
    [InlineData("Escalation:Teams:TenantId", "9c6a3f8e-1f2b-4c1d-9a55-0a1b2c3d4e5f", "Escalation:Teams:ChannelId is missing")]
    [InlineData("Escalation:Email:Host", "smtp.clinic.example", "Escalation:Email:From must be one email address")]
    [InlineData("Escalation:Email:To", "oncall@clinic.example", "Escalation:Email:Host is missing")]
    [InlineData("Escalation:PollInterval", "00:00:00", "Escalation:PollInterval must be a positive time span")]
    [InlineData("Escalation:DeliveryTimeout", "00:05:00", "Escalation:Lease must be longer than Escalation:DeliveryTimeout")]
    [InlineData("Staff:Key", "short", "Staff:Key must be at least 16 characters")]
    [InlineData("Staff:Authority", "https://login.microsoftonline.com/x/v2.0", "Staff:Authority and Staff:ClientId go together")]
    public async Task BadSettingsStopTheStartWithTheFix(string key, string value, string message)
    {
        var settings = EscalationHost.Settings(DatabasePath);
        settings[key] = value;

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => EscalationHost.StartAsync(settings));

        Assert.Contains(message, error.Message);
    }

    [Fact]
    public async Task UnencryptedSmtpIsOnlyAllowedToThisMachine()
    {
        var settings = EscalationHost.Settings(DatabasePath);
        settings["Escalation:Email:Host"] = "smtp.clinic.example";
        settings["Escalation:Email:Security"] = "None";
        settings["Escalation:Email:From"] = "bot@clinic.example";
        settings["Escalation:Email:To"] = "oncall@clinic.example";

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => EscalationHost.StartAsync(settings));

        Assert.Contains("Security None sends alerts unencrypted", error.Message);
    }

    [Fact]
    public async Task TeamsSinkOffThisMachineNeedsTheBotIdentity()
    {
        var settings = EscalationHost.Settings(DatabasePath);
        settings["Escalation:Teams:ServiceUrl"] = "https://smba.trafficmanager.net/teams/";
        settings["Escalation:Teams:ChannelId"] = EscalationHost.StaffChannel;
        settings["Escalation:Teams:TenantId"] = EscalationHost.TenantId;

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => EscalationHost.StartAsync(settings));

        Assert.Contains("The Teams staff sink needs Bot:MicrosoftAppId", error.Message);
    }
}
